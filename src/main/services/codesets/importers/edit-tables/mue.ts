/**
 * NCCI MUE CSVs (Windows-1252): a multi-line quoted notice, a header whose first cell holds a
 * newline, then code, units, "N label" adjudication indicator, rationale.
 */
import { importFailure } from '../../import-failure';
import type { FileImporter, FileSummary, ImportSource } from '../types';
import { scanSource, sourceText } from '../streaming/source-scan';
import { CsvError, csvRecords } from './csv';
import { endAfterMonths, HCPCS_SHAPE, insertUnique, replaceEditFile, setRowCount } from './edit-file-store';

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
    const scan = scanSource(source);
    const label = `MUE ${MUE_VARIANT_LABELS[variant]} ${from}`;
    const { db } = context;
    // Rows go in as they are read, inside one transaction: a bad record rolls back the file.
    const { replaced, rows } = db.transaction(() => {
      const file = replaceEditFile(
        db,
        { kind: 'mue', variant, part: '', label, effectiveFrom: from, effectiveTo: endAfterMonths(from, 3), source: source.name },
        scan.sha256,
      );
      const insert = db.prepare('INSERT INTO mue (file_id, code, value, mai, mai_label, rationale, line) VALUES (?, ?, ?, ?, ?, ?, ?)');
      let headerSeen = false;
      let count = 0;
      try {
        for (const r of csvRecords(sourceText(source, scan))) {
          if (!headerSeen) {
            headerSeen = /CPT Code/i.test(r.fields[0] ?? '') && /MUE Values/i.test(r.fields[1] ?? '');
            continue;
          }
          if (r.fields.length === 1 && r.fields[0]!.trim() === '') continue;
          try {
            const row = parseMueRecord(r.fields);
            insertUnique(
              () => insert.run(file.id, row.code, row.value, row.mai, row.maiLabel, row.rationale, r.line),
              () => new Error(`${row.code} is listed twice`),
            );
          } catch (e) {
            throw importFailure(source.name, r.line, e instanceof Error ? e.message : 'bad record');
          }
          count += 1;
          // The first row too: a long file shows it has started.
          if (count % 5000 === 1) context.progress(r.line, scan.lines);
        }
      } catch (e) {
        if (e instanceof CsvError) throw importFailure(source.name, e.line, e.message);
        throw e;
      }
      if (!headerSeen) throw importFailure(source.name, 0, 'the header row (HCPCS/CPT Code, MUE Values …) is missing');
      if (count === 0) throw importFailure(source.name, 0, 'the table has a header but no rows');
      setRowCount(db, file.id, count);
      return { replaced: file.replaced, rows: count };
    })();
    context.progress(scan.lines, scan.lines);
    return { path: source.path, kind: 'ncci-mue', system: 'hcpcs', label, codes: rows, replaced };
  },
};
