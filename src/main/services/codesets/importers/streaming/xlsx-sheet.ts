/**
 * Reads the first sheet of an .xlsx: its parts through the one zip reader (read-zip.ts)
 * and the sheet / shared-string XML through safe-xml. Every cell comes back as text, as the
 * NCCI and HCPCS files are meant to be read.
 */
import { AppFailure } from '../../../../../shared/result';
import { importFailure } from '../../import-failure';
import { decodeChunks } from '../../text-decoding';
import { readXml } from '../../xml/safe-xml';
import { DEFAULT_ZIP_LIMITS, readZipMembers, type ZipLimits } from './read-zip';
import { bufferChunks } from './byte-chunks';

export interface XlsxRow {
  /** 1-based row number in the sheet. */
  row: number;
  cells: (string | null)[];
}

/** A workbook's parts are inflated into memory: far above the official files (HCPCS: a 14 MB sheet). */
const XLSX_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 200 * 1024 * 1024 };

/** Member name -> bytes of the wanted parts; a damaged workbook is named as such. */
async function unzip(file: string, workbook: Buffer, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  try {
    return await readZipMembers(workbook, wanted, XLSX_LIMITS);
  } catch (error) {
    const reason = error instanceof AppFailure && error.code === 'IMPORT_FAILED' ? error.message : 'it could not be read';
    throw importFailure(file, 0, `not a readable .xlsx workbook (${reason})`);
  }
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
export async function readFirstSheet(file: string, bytes: Buffer): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  await forEachSheetRow(file, bytes, (row) => void rows.push(row));
  return rows;
}

/**
 * Hands over the first sheet's rows one by one as the sheet XML is parsed, so a large sheet
 * (HCPCS: 14 MB of XML) never becomes one string or an array of every row. The sheet member
 * itself is inflated whole, bounded by XLSX_LIMITS.
 */
export async function forEachSheetRow(file: string, bytes: Buffer, onRow: (row: XlsxRow) => void): Promise<void> {
  const members = await unzip(file, bytes, (n) => n === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
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
