/** Real PDFs for tests, made with pdfkit: one page per text, optionally password-protected. */
import PDFDocument from 'pdfkit';

export interface PdfOptions {
  /** Set: the PDF is encrypted and opens only with this password. */
  userPassword?: string;
}

export function makePdf(pages: readonly string[], options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 72, userPassword: options.userPassword, info: { Title: 'Test document' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.fontSize(11).text(text);
  });
  doc.end();
  return done;
}
