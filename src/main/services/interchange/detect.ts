/**
 * What kind of export a path holds, judged from its content (not its name): a FHIR JSON file
 * (Bundle or single resource), a FHIR Bulk Data export (folder or zip of NDJSON, or one NDJSON
 * file chosen alone), or HL7 v2 files.
 * Anything else is refused with the file named, before a single chart is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';
import { looksLikeHl7Folder } from './hl7/hl7-files';

export type SourceKind = 'fhir-json' | 'fhir-ndjson' | 'fhir-bulk-folder' | 'fhir-bulk-zip' | 'hl7v2';

const HEAD_BYTES = 512;
/** Enough to hold the first line of most NDJSON files (a line with a base64 note may be longer). */
const FIRST_LINE_BYTES = 64 * 1024;

function head(file: string, bytes = HEAD_BYTES): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

const notAnExport = (file: string, why: string) =>
  new AppFailure('IMPORT_FAILED', `${path.basename(file)} is not a FHIR or HL7 v2 export: ${why}.`, { file });

export function detectSource(file: string): SourceKind {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new AppFailure('NOT_FOUND', `${path.basename(file)} does not exist.`, { file });
  if (stat.isDirectory()) {
    if (fs.readdirSync(file).some((f) => f.toLowerCase().endsWith('.ndjson'))) return 'fhir-bulk-folder';
    if (looksLikeHl7Folder(file)) return 'hl7v2';
    throw notAnExport(file, 'the folder holds neither .ndjson files nor HL7 v2 files');
  }
  const bytes = head(file);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'fhir-bulk-zip';
  // A byte-order mark, whitespace, or an MLLP start block (0x0B) may come first.
  const text = bytes.toString('utf8').replace(/^[\uFEFF\s\x0b]+/, '');
  if (text.startsWith('MSH|') || text.startsWith('FHS|') || text.startsWith('BHS|')) return 'hl7v2';
  if (text.startsWith('{')) return isNdjson(file) ? 'fhir-ndjson' : 'fhir-json';
  if (text.startsWith('[')) throw notAnExport(file, 'it is a JSON array, not a FHIR resource or Bundle');
  throw notAnExport(file, 'it is neither JSON nor HL7 v2 (no MSH segment)');
}

/**
 * NDJSON rather than one JSON value: its first line is a whole JSON object and more follows.
 * (A pretty-printed bundle's first line is a lone '{'.) A first line too long to sniff is
 * judged by the .ndjson name.
 */
function isNdjson(file: string): boolean {
  const bytes = head(file, FIRST_LINE_BYTES);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const end = text.indexOf('\n');
  if (end === -1) return bytes.length === FIRST_LINE_BYTES && file.toLowerCase().endsWith('.ndjson');
  if (text.slice(end).trim() === '') return false;
  try {
    JSON.parse(text.slice(0, end));
    return true;
  } catch {
    return false;
  }
}
