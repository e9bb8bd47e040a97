/** The little of pdfkit (dev dependency, no bundled types) that tests use to make real PDFs. */
declare module 'pdfkit' {
  interface PdfKitOptions {
    size?: string;
    margin?: number;
    userPassword?: string;
    info?: Record<string, string>;
  }
  export default class PDFDocument {
    constructor(options?: PdfKitOptions);
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    fontSize(size: number): this;
    text(text: string): this;
    addPage(): this;
    end(): void;
  }
}
