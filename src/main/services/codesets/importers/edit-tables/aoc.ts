/**
 * NCCI add-on code edits (xlsx): notice row, header row, then edit type, add-on code, its
 * deletion date, primary code (CCCCC = contractor-defined), … Dates are YYYYDDD (day of year).
 */
import { importFailure } from '../../import-failure';
import type { FileImporter, FileSummary } from '../types';
import { endAfterMonths, HCPCS_SHAPE, replaceEditFile, setRowCount, digestOf, splitLines } from './edit-file-store';
import { readFirstSheet } from '../streaming/xlsx-sheet';

const HEADER = ['AOC_Edit_Type', 'Add-On_Code', 'AOC_DelDT', 'Primary_Code', 'Primary_Code_DelDT', 'AOC_Edit_EffDT', 'AOC_Edit_DelDT'];

/** 2013091 -> 2013-04-01 (day 91 of 2013); throws on anything else. */
export function julianToIso(text: string): string {
  const m = /^(\d{4})(\d{3})$/.exec(text.trim());
  const year = Number(m?.[1]);
  const day = Number(m?.[2]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (!m || day < 1 || day > (leap ? 366 : 365)) throw new Error('a date is not in YYYYDDD form');
  return new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10);
}

/** AOC_V2026Q2-MCR.xlsx -> 2026-04-01. */
export function aocEffectiveDate(name: string): string | null {
  const m = /V(\d{4})Q([1-4])/i.exec(name);
  return m ? `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01` : null;
}

const isTabbedSheet = (head: string): boolean => head.split(/\r?\n/).some((line) => line.startsWith(HEADER.join('\t')));

/** Tab-separated text as sheet rows: row = line number, empty cells as null (as in the workbook). */
function tabbedRows(bytes: Buffer): { row: number; cells: (string | null)[] }[] {
  return splitLines(bytes.toString('latin1')).map((line, i) => ({ row: i + 1, cells: line.split('\t').map((c) => (c === '' ? null : c)) }));
}

export interface AocRow {
  editType: number;
  addon: string;
  addonDeleted: string | null;
  primary: string;
  primaryDeleted: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export function parseAocRow(cells: readonly (string | null)[]): AocRow {
  const text = (i: number): string => (cells[i] ?? '').trim();
  const date = (i: number): string | null => (text(i) === '' ? null : julianToIso(text(i)));
  const editType = Number(text(0));
  if (![1, 2, 3].includes(editType)) throw new Error('the edit type is not 1, 2 or 3');
  const addon = text(1).toUpperCase();
  if (!HCPCS_SHAPE.test(addon)) throw new Error('the add-on code is not a CPT/HCPCS code');
  const primaryText = text(3).toUpperCase();
  const primary = primaryText === 'CCCCC' ? '*' : primaryText;
  if (primary !== '*' && !HCPCS_SHAPE.test(primary)) throw new Error(`the primary code for ${addon} is not a CPT/HCPCS code`);
  const effectiveFrom = date(5);
  if (effectiveFrom === null) throw new Error(`the edit for ${addon} has no effective date`);
  return { editType, addon, addonDeleted: date(2), primary, primaryDeleted: date(4), effectiveFrom, effectiveTo: date(6) };
}

export const aocImporter: FileImporter = {
  kind: 'ncci-aoc',
  description: 'NCCI add-on code edits (xlsx)',
  // The header is inside the workbook: the name is the only thing to sniff on a zip. The same
  // sheet saved as tab-separated text (the demo subset) is read the same way.
  detect: (source) => /^AOC_V\d{4}Q[1-4]/i.test(source.name) && (/\.xlsx$/i.test(source.name) || isTabbedSheet(source.head)),
  check(source) {
    if (aocEffectiveDate(source.name) === null) throw importFailure(source.name, 0, 'the quarter is not in the name (AOC_V2026Q2…)');
  },
  async run(context, source): Promise<FileSummary> {
    const from = aocEffectiveDate(source.name);
    if (from === null) throw importFailure(source.name, 0, 'the quarter is not in the name (AOC_V2026Q2…)');
    const bytes = source.read();
    const sheet = /\.xlsx$/i.test(source.name) ? await readFirstSheet(source.name, bytes) : tabbedRows(bytes);
    const headerAt = sheet.findIndex((r) => HEADER.every((h, i) => (r.cells[i] ?? '').trim() === h));
    if (headerAt < 0) throw importFailure(source.name, 0, 'the header row (AOC_Edit_Type, Add-On_Code …) is missing');
    const rows: (AocRow & { line: number })[] = [];
    const seen = new Set<string>();
    for (const r of sheet.slice(headerAt + 1)) {
      if (r.cells.every((c) => c === null || c.trim() === '')) continue;
      try {
        const row = parseAocRow(r.cells);
        const key = `${row.addon} ${row.primary} ${row.effectiveFrom}`;
        if (seen.has(key)) throw new Error(`the edit ${row.addon} with ${row.primary === '*' ? 'CCCCC' : row.primary} is listed twice`);
        seen.add(key);
        rows.push({ ...row, line: r.row });
      } catch (e) {
        throw importFailure(source.name, r.row, e instanceof Error ? e.message : 'bad row');
      }
    }
    if (rows.length === 0) throw importFailure(source.name, 0, 'the table has a header but no rows');
    const label = `AOC ${from.slice(0, 4)}Q${Math.floor(Number(from.slice(5, 7)) / 3) + 1}`;
    const { db } = context;
    let replaced = false;
    db.transaction(() => {
      const file = replaceEditFile(
        db,
        { kind: 'aoc', variant: '', part: '', label, effectiveFrom: from, effectiveTo: endAfterMonths(from, 3), source: source.name },
        digestOf(bytes),
      );
      replaced = file.replaced;
      const insert = db.prepare(
        `INSERT INTO aoc (file_id, addon, primary_code, edit_type, addon_deleted, primary_deleted, effective_from, effective_to, line)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      rows.forEach((r, n) => {
        insert.run(file.id, r.addon, r.primary, r.editType, r.addonDeleted, r.primaryDeleted, r.effectiveFrom, r.effectiveTo, r.line);
        if (n % 5000 === 0) context.progress(n, rows.length);
      });
      setRowCount(db, file.id, rows.length);
    })();
    context.progress(rows.length, rows.length);
    return { path: source.path, kind: 'ncci-aoc', system: 'hcpcs', label, codes: rows.length, replaced };
  },
};
