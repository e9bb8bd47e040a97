/** Reads the first sheet of an xlsx with every cell as text (numbers keep their digits, dates become YYYYMMDD). */
import { readSheet } from 'read-excel-file/node';
import { AppFailure } from '../../../../shared/result';

export async function readXlsxText(input: Uint8Array): Promise<string[][]> {
  let rows: unknown[][];
  try {
    rows = (await readSheet(Buffer.from(input), { parseNumber: (s: string) => s, trim: false })) as unknown[][];
  } catch {
    throw new AppFailure('IMPORT_FAILED', 'The spreadsheet could not be read: it is damaged or not an xlsx file.');
  }
  return rows.map((row) => row.map(cellText));
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10).replaceAll('-', '');
  return String(cell);
}
