/**
 * The first sheet of an xlsx read by the read-excel-file library, every cell as text (numbers
 * keep their digits, dates become YYYYMMDD): an independent reader for tests to compare
 * CodeDesk's own sheet reader with, and to read the independent query set.
 */
import { readSheet } from 'read-excel-file/node';
import { HcpcsSheet } from '../../../src/main/services/codesets/importers/code-lists/hcpcs-files';

export async function readExcelText(input: Uint8Array): Promise<string[][]> {
  const rows = (await readSheet(Buffer.from(input), { parseNumber: (s: string) => s, trim: false })) as unknown[][];
  return rows.map((row) => row.map(cellText));
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10).replaceAll('-', '');
  return String(cell);
}

/** The HCPCS records of an ANWEB workbook as read through read-excel-file, row numbers from 1. */
export async function hcpcsViaLibrary(file: string, bytes: Uint8Array): Promise<HcpcsSheet['records']> {
  const sheet = new HcpcsSheet(file);
  (await readExcelText(bytes)).forEach((row, i) => sheet.add(row, i + 1));
  return sheet.records;
}
