/**
 * NCCI MUE CSVs (Windows-1252): a multi-line quoted notice, a header whose first cell holds a
 * newline, then code, units, "N label" adjudication indicator, rationale.
 */
import { decodeText } from '../../text-decoding';
import { importFailure } from '../../import-failure';
import type { FileImporter, FileSummary, ImportSource } from '../types';
import { CsvError, parseCsv } from './csv';
import { endAfterMonths, HCPCS_SHAPE, replaceEditFile, setRowCount } from './edit-file-store';

export type MueVariant = 'practitioner' | 'hospital' | 'dme';

const VARIANTS: [RegExp, MueVariant][] = [
  [/Practitioner Services MUE Values/i, 'practitioner'],
  [/Outpatient Hospital Services MUE Values/i, 'hospital'],
  [/DME Supplier Services MUE Values/i, 'dme'],
];

export const MUE_VARIANT_LABELS: Record<MueVariant, string> = {
  practitioner: 'practitioner',
  hospital: 'outpatient hospital',
  dme: 'DME supplier',
};

function variantOf(head: string): MueVariant | null {
  if (!/CPT Code"?\s*,/i.test(head) || !/MUE Adjudication Indicator/i.test(head)) return null;
  return VARIANTS.find(([re]) => re.test(head))?.[1] ?? null;
}

/** "…_Eff_04-01-2026.csv" -> 2026-04-01. */
export function mueEffectiveDate(name: string): string | null {
  const m = /Eff[_ -]?(\d{2})-(\d{2})-(\d{4})/i.exec(name);
  return m ? `${m[3]}-${m[1]}-${m[2]}` : null;
}

export interface MueRow {
  code: string;
  value: number;
  mai: 1 | 2 | 3;
  maiLabel: string;
  rationale: string;
}

/** One data record; throws an Error whose message is the reason. */
export function parseMueRecord(fields: readonly string[]): MueRow {
  const [codeCell, valueCell, maiCell, rationale] = fields;
  const code = (codeCell ?? '').trim().toUpperCase();
  if (!HCPCS_SHAPE.test(code)) throw new Error('the first column does not hold a CPT/HCPCS code');
  const valueText = (valueCell ?? '').trim();
  if (!/^\d{1,5}$/.test(valueText)) throw new Error(`the MUE value for ${code} is not a whole number`);
  const mai = /^([123])\s+(\S.*)$/.exec((maiCell ?? '').trim());
  if (!mai) throw new Error(`the adjudication indicator for ${code} is not 1, 2 or 3 with its label`);
  return { code, value: Number(valueText), mai: Number(mai[1]) as 1 | 2 | 3, maiLabel: mai[2]!.trim(), rationale: (rationale ?? '').trim() };
}

export const mueImporter: FileImporter = {
  kind: 'ncci-mue',
  description: 'NCCI MUE table (CSV)',
  detect: (source) => variantOf(source.head) !== null,
  check(source: ImportSource) {
    if (mueEffectiveDate(source.name) === null) {
      throw importFailure(source.name, 0, 'the effective date is not in the name (…_Eff_MM-DD-YYYY.csv)');
    }
  },
  run(context, source): FileSummary {
    const variant = variantOf(source.head);
    const from = mueEffectiveDate(source.name);
    if (!variant || !from) throw importFailure(source.name, 1, 'not an MUE table');
    const bytes = source.read();
    let records;
    try {
      records = parseCsv(decodeText(bytes));
    } catch (e) {
      if (e instanceof CsvError) throw importFailure(source.name, e.line, e.message);
      throw e;
    }
    const headerAt = records.findIndex((r) => /CPT Code/i.test(r.fields[0] ?? '') && /MUE Values/i.test(r.fields[1] ?? ''));
    if (headerAt < 0) throw importFailure(source.name, 0, 'the header row (HCPCS/CPT Code, MUE Values …) is missing');
    const rows: (MueRow & { line: number })[] = [];
    const seen = new Set<string>();
    for (const r of records.slice(headerAt + 1)) {
      if (r.fields.length === 1 && r.fields[0]!.trim() === '') continue;
      try {
        const row = parseMueRecord(r.fields);
        if (seen.has(row.code)) throw new Error(`${row.code} is listed twice`);
        seen.add(row.code);
        rows.push({ ...row, line: r.line });
      } catch (e) {
        throw importFailure(source.name, r.line, e instanceof Error ? e.message : 'bad record');
      }
    }
    if (rows.length === 0) throw importFailure(source.name, 0, 'the table has a header but no rows');
    const label = `MUE ${MUE_VARIANT_LABELS[variant]} ${from}`;
    const { db } = context;
    let replaced = false;
    db.transaction(() => {
      const file = replaceEditFile(
        db,
        { kind: 'mue', variant, part: '', label, effectiveFrom: from, effectiveTo: endAfterMonths(from, 3), source: source.name },
        bytes,
      );
      replaced = file.replaced;
      const insert = db.prepare('INSERT INTO mue (file_id, code, value, mai, mai_label, rationale, line) VALUES (?, ?, ?, ?, ?, ?, ?)');
      rows.forEach((r, n) => {
        insert.run(file.id, r.code, r.value, r.mai, r.maiLabel, r.rationale, r.line);
        if (n % 5000 === 0) context.progress(n, rows.length);
      });
      setRowCount(db, file.id, rows.length);
    })();
    context.progress(rows.length, rows.length);
    return { path: source.path, kind: 'ncci-mue', system: 'hcpcs', label, codes: rows.length, replaced };
  },
};
