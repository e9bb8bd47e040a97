/** Reading HL7 fixtures and messages written in a test, and making a real PDF for an MDM. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readHl7 } from '../../../../src/main/services/interchange/hl7/read-hl7';
import {
  DEFAULT_READ_OPTIONS,
  type IncomingChart,
  type IncomingDocument,
  type IncomingItem,
  type ReadOptions,
  type Refusal,
} from '../../../../src/main/services/interchange/incoming';
import { REPO_ROOT, tempDir } from '../../helpers/temp';

export const HL7_FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'hl7');

export const fixture = (name: string): string => path.join(HL7_FIXTURES, name);

export async function readAll(source: string, options: Partial<ReadOptions> = {}): Promise<IncomingItem[]> {
  const items: IncomingItem[] = [];
  for await (const item of readHl7(source, { ...DEFAULT_READ_OPTIONS, ...options })) items.push(item);
  return items;
}

export const charts = (items: IncomingItem[]): IncomingChart[] => items.flatMap((i) => (i.type === 'chart' ? [i.chart] : []));
export const refusals = (items: IncomingItem[]): Refusal[] => items.flatMap((i) => (i.type === 'refused' ? [i.refusal] : []));
export const documents = (items: IncomingItem[]) =>
  items.flatMap((i) => (i.type === 'document' ? [i] : [])) as Extract<IncomingItem, { type: 'document' }>[];
export const onlyDocument = (items: IncomingItem[]): IncomingDocument => {
  const docs = documents(items);
  if (docs.length !== 1) throw new Error(`expected one document, got ${docs.length}`);
  return docs[0]!.document;
};

/** A segment from its fields by HL7 number ({ 2: 'I', 19: 'V1' }), the rest left empty. */
export function segment(name: string, fields: Record<number, string>): string {
  const last = Math.max(...Object.keys(fields).map(Number));
  return [name, ...Array.from({ length: last }, (_, i) => fields[i + 1] ?? '')].join('|');
}

/** Writes segments (given one per array entry) as an HL7 file with the separator asked for. */
export function writeHl7(segments: string[], name = 'messages.hl7', separator = '\r', dir = tempDir()): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, segments.join(separator) + separator);
  return file;
}

interface PdfDoc {
  on(event: 'data', fn: (chunk: Buffer) => void): void;
  on(event: 'end', fn: () => void): void;
  text(text: string): PdfDoc;
  end(): void;
}

/** A real PDF holding the given text, made with pdfkit (which ships no types). */
export async function makePdf(text: string): Promise<Buffer> {
  const PDFDocument = createRequire(import.meta.url)('pdfkit') as new () => PdfDoc;
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.text(text);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
