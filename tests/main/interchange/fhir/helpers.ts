/** Builders for small hand-written FHIR R4 exports (synthetic, no PHI) and a collector for reader items. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import yazl from 'yazl';
import { readFhir } from '../../../../src/main/services/interchange/fhir/read-fhir';
import {
  DEFAULT_READ_OPTIONS,
  type IncomingChart,
  type IncomingItem,
  type ReadOptions,
  type Refusal,
} from '../../../../src/main/services/interchange/incoming';
import { REPO_ROOT, tempDir } from '../../helpers/temp';

export const SYNTHEA = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'fhir', 'synthea-bulk-10-patients');

export type DocumentItem = Extract<IncomingItem, { type: 'document' }>;

export interface Collected {
  items: IncomingItem[];
  charts: IncomingChart[];
  documents: DocumentItem[];
  refusals: Refusal[];
}

export async function collect(source: string, options: Partial<ReadOptions> = {}): Promise<Collected> {
  const items: IncomingItem[] = [];
  for await (const item of readFhir(source, { ...DEFAULT_READ_OPTIONS, ...options })) items.push(item);
  return {
    items,
    charts: items.flatMap((i) => (i.type === 'chart' ? [i.chart] : [])),
    documents: items.flatMap((i) => (i.type === 'document' ? [i] : [])),
    refusals: items.flatMap((i) => (i.type === 'refused' ? [i.refusal] : [])),
  };
}

type Json = Record<string, unknown>;

export const patient = (id = 'p1', extra: Json = {}): Json => ({
  resourceType: 'Patient',
  id,
  identifier: [{ system: 'urn:test:mrn', value: `MRN-${id}` }],
  name: [{ use: 'official', family: 'Testperson', given: ['Alma', 'Q'] }],
  gender: 'female',
  birthDate: '1960-06-15',
  ...extra,
});

export const encounter = (id = 'e1', extra: Json = {}): Json => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
  subject: { reference: 'Patient/p1' },
  period: { start: '2026-03-01T23:30:00-05:00', end: '2026-03-04T10:00:00-05:00' },
  ...extra,
});

export const base64 = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding).toString('base64');

export const note = (id: string, encounterRef: string, extra: Json = {}): Json => ({
  resourceType: 'DocumentReference',
  id,
  status: 'current',
  type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
  date: '2026-03-02T08:00:00-05:00',
  context: { encounter: [{ reference: encounterRef }] },
  content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: base64('Synthetic progress note.') } }],
  ...extra,
});

export function bundle(type: string, entries: { resource: Json; fullUrl?: string }[]): Json {
  return { resourceType: 'Bundle', type, entry: entries };
}

export function writeJson(name: string, value: unknown, dir = tempDir()): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

/** A Bulk Data folder: one NDJSON file per name, each line a resource (or a raw string as written). */
export function writeBulk(files: Record<string, (Json | string)[]>, dir = tempDir()): string {
  for (const [name, lines] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  }
  return dir;
}

/** Zips every file of a folder (under `prefix/` when given) with yazl, as an export tool would. */
export function zipFolder(folder: string, prefix = ''): Promise<string> {
  const out = path.join(tempDir(), 'export.zip');
  const zip = new yazl.ZipFile();
  for (const name of fs.readdirSync(folder)) zip.addFile(path.join(folder, name), `${prefix}${name}`);
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(out)).on('close', () => resolve(out)).on('error', reject);
  });
}

interface PdfDocument {
  text(value: string): PdfDocument;
  on(event: 'data', listener: (chunk: Buffer) => void): PdfDocument;
  on(event: 'end', listener: () => void): PdfDocument;
  end(): void;
}

/** A real PDF with one line of text, made by pdfkit (no types ship with it, hence the require). */
export function makePdf(text: string): Promise<Buffer> {
  const PDFDocument = createRequire(import.meta.url)('pdfkit') as new (options?: object) => PdfDocument;
  const doc = new PDFDocument({ compress: false });
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}
