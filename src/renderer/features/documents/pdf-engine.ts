/**
 * pdf.js, loaded on first use (the chart screen opens without it), with its worker from the
 * app's origin. Options keep it inside the CSP: no eval (script-src 'self'), no WebAssembly
 * (pdf.js falls back to its JavaScript decoders for JBIG2 and CCITT fax; without WebAssembly
 * it loses ICC colour profiles and JPEG 2000 images only), no fetch of fonts or maps (fonts a
 * PDF does not embed are drawn with system fonts), no XFA or scripting.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';

type PdfJs = typeof PdfJsModule;
let library: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  library ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerPort = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module', name: 'codedesk-pdf' });
    return lib;
  });
  return library;
}

export type { PDFDocumentProxy, PDFPageProxy, TextContent };

/** Why a PDF could not be shown, in words without anything from the document. */
export type PdfFailure = 'password' | 'damaged';

export class PdfOpenError extends Error {
  constructor(readonly reason: PdfFailure) {
    super(reason === 'password' ? 'The PDF is password-protected.' : 'The PDF is damaged or not a PDF.');
  }
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Opens a PDF from its base64 bytes; rejects with PdfOpenError. */
export async function openPdf(base64: string): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: bytesOf(base64),
    isEvalSupported: false,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw new PdfOpenError(e instanceof Error && e.name === 'PasswordException' ? 'password' : 'damaged');
  }
}

const isTextItem = (item: TextContent['items'][number]): item is TextItem => 'str' in item;

/**
 * A page's searchable text, read from its text content exactly as pdf.js's text layer lays it
 * out (one run per item, a line break after each item that ends a line), so that textOf() of the
 * rendered layer gives the same string and find's offsets land on the right runs.
 */
export const pageTextOf = (content: TextContent): string =>
  content.items.map((item) => (isTextItem(item) ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');

export interface PdfPageText {
  /** Size in CSS pixels at 100 %. */
  width: number;
  height: number;
  /** Where the page's text runs start and end across, CSS pixels at 100 % (null: no text, e.g. a scan). */
  textSpan: { left: number; right: number } | null;
  content: TextContent;
  text: string;
}

function textSpanOf(content: TextContent, viewportLeft: number): PdfPageText['textSpan'] {
  let left = Infinity;
  let right = -Infinity;
  for (const item of content.items) {
    if (!isTextItem(item) || !item.str.trim()) continue;
    const x = item.transform[4] as number;
    left = Math.min(left, x);
    right = Math.max(right, x + item.width);
  }
  return left < right ? { left: (left - viewportLeft) * CSS_UNITS, right: (right - viewportLeft) * CSS_UNITS } : null;
}

/** Size and text of page `n` (1-based). */
export async function readPage(pdf: PDFDocumentProxy, n: number): Promise<PdfPageText> {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: CSS_UNITS });
  const content = await page.getTextContent();
  const textSpan = page.rotate % 180 === 0 ? textSpanOf(content, page.view[0] ?? 0) : null;
  return { width: viewport.width, height: viewport.height, textSpan, content, text: pageTextOf(content) };
}

/** A PDF point is 1/72 in, a CSS pixel 1/96 in: 100 % shows the page at its printed size. */
export const CSS_UNITS = 96 / 72;

/** Every page's text of a PDF that is not open (find counts its matches); the PDF is closed after. */
export async function extractPdfText(base64: string): Promise<string[]> {
  const pdf = await openPdf(base64);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push((await readPage(pdf, n)).text);
    return pages;
  } finally {
    await pdf.destroy();
  }
}

export interface RenderedPage {
  canvas: HTMLCanvasElement;
  textLayer: HTMLDivElement;
}

/**
 * Draws page `n` at `scale` (1 = 100 %) into a canvas sharp on this screen, with pdf.js's text
 * layer over it (transparent text at the glyphs' places: selectable, and where find marks).
 * The same text content as readPage's is laid out, so the layer's text is the page's text.
 */
export async function renderPage(pdf: PDFDocumentProxy, n: number, scale: number, content: TextContent, signal: AbortSignal): Promise<RenderedPage> {
  const lib = await pdfjs();
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: scale * CSS_UNITS });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
  const cancel = () => task.cancel();
  signal.addEventListener('abort', cancel);
  try {
    await task.promise;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  const textLayer = document.createElement('div');
  textLayer.className = 'textLayer';
  const layer = new lib.TextLayer({ textContentSource: content, container: textLayer, viewport });
  signal.addEventListener('abort', () => layer.cancel());
  await layer.render();
  return { canvas, textLayer };
}
