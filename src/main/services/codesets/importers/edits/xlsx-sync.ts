/**
 * Reads the first sheet of an .xlsx synchronously (importers run synchronously): a minimal
 * zip reader (stored or deflated members) and the sheet / shared-string XML through
 * safe-xml. Every cell comes back as text, as the NCCI and HCPCS files are meant to be read.
 */
import { inflateRawSync } from 'node:zlib';
import { importFailure } from '../../import-failure';
import { decodeChunks } from '../../text-decoding';
import { readXml } from '../../xml/safe-xml';
import { bufferChunks } from '../streaming/byte-chunks';

export interface XlsxRow {
  /** 1-based row number in the sheet. */
  row: number;
  cells: (string | null)[];
}

const MAX_MEMBER_BYTES = 200 * 1024 * 1024;

/** Member name -> bytes, read from the zip's central directory. */
function unzip(file: string, zip: Buffer, wanted: (name: string) => boolean): Map<string, Buffer> {
  const bad = (reason: string): never => {
    throw importFailure(file, 0, `not a readable .xlsx workbook (${reason})`);
  };
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i -= 1) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad('no zip directory; the file may be truncated');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) bad('a damaged zip directory');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (!wanted(name)) continue;
    if (size > MAX_MEMBER_BYTES) bad('a member is too large');
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) bad('a damaged member header');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    if (data.length !== compressed) bad('a member is cut short; the file may be truncated');
    if (method === 0) out.set(name, Buffer.from(data));
    else if (method === 8) {
      try {
        out.set(name, inflateRawSync(data, { maxOutputLength: MAX_MEMBER_BYTES }));
      } catch {
        bad('a member does not decompress');
      }
    } else bad('an unsupported compression method');
  }
  return out;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function sharedStrings(file: string, member: Buffer | undefined): string[] {
  const strings: string[] = [];
  if (member === undefined) return strings;
  let current: string | null = null;
  let inText = false;
  readXml(file, xmlPieces(member), {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    },
  });
  return strings;
}

/** The rows of the workbook's first sheet, all at once (small workbooks: AOC). */
export function readFirstSheet(file: string, bytes: Buffer): XlsxRow[] {
  const rows: XlsxRow[] = [];
  forEachSheetRow(file, bytes, (row) => void rows.push(row));
  return rows;
}

/**
 * Hands over the first sheet's rows one by one as the sheet XML is parsed, so a large sheet
 * (HCPCS: 14 MB of XML) never becomes one string or an array of every row. The sheet member
 * itself is inflated whole (node has no synchronous streaming inflate), bounded by MAX_MEMBER_BYTES.
 */
export function forEachSheetRow(file: string, bytes: Buffer, onRow: (row: XlsxRow) => void): void {
  const members = unzip(file, bytes, (n) => n === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const sheetName = [...members.keys()].filter((n) => n.startsWith('xl/worksheets/')).sort()[0];
  if (sheetName === undefined) throw importFailure(file, 0, 'not a readable .xlsx workbook (no worksheet)');
  const strings = sharedStrings(file, members.get('xl/sharedStrings.xml'));
  const sheet = members.get(sheetName)!;
  members.clear();
  let row: XlsxRow | null = null;
  let nextRow = 1;
  let cell: { col: number; type: string; text: string } | null = null;
  let inValue = false;
  readXml(file, xmlPieces(sheet), {
    open(name, attrs) {
      if (name === 'row') row = { row: Number(attrs.r ?? nextRow), cells: [] };
      else if (name === 'c' && row) cell = { col: attrs.r ? columnIndex(attrs.r) : row.cells.length, type: attrs.t ?? 'n', text: '' };
      else if ((name === 'v' || name === 't') && cell) inValue = true;
    },
    text(text) {
      if (inValue && cell) cell.text += text;
    },
    close(name) {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'c' && row && cell) {
        const value = cell.type === 's' ? (strings[Number(cell.text)] ?? '') : cell.text;
        while (row.cells.length < cell.col) row.cells.push(null);
        row.cells[cell.col] = value === '' ? null : value;
        cell = null;
      } else if (name === 'row' && row) {
        nextRow = row.row + 1;
        onRow(row);
        row = null;
      }
    },
  });
}

/** A member's XML as decoded pieces: never one string the size of the member. */
const xmlPieces = (bytes: Buffer): Iterable<string> => decodeChunks(bufferChunks(bytes), 'utf-8');
