/** Importers for the CM order addenda, CM codes addenda and PCS order addenda (change records per fiscal year). */
import { createHash } from 'node:crypto';
import { importFailure } from '../../import-failure';
import { fiscalYearFromName } from '../../source-files';
import { decodeText } from '../../text-decoding';
import type { FileImporter, ImportSource } from '../types';
import { actionOf, parseAddendaLine, type AddendaLayout } from './addenda-line';
import { parseAddendaFile } from './addenda-file';

const INFO: Record<AddendaLayout, { kind: string; description: string; system: 'icd10cm' | 'icd10pcs'; sourceKind: string }> = {
  'cm-order': { kind: 'icd10cm-order-addenda', description: 'ICD-10-CM order addenda', system: 'icd10cm', sourceKind: 'order-addenda' },
  'cm-codes': { kind: 'icd10cm-codes-addenda', description: 'ICD-10-CM codes addenda', system: 'icd10cm', sourceKind: 'codes-addenda' },
  'pcs-order': { kind: 'icd10pcs-order-addenda', description: 'ICD-10-PCS order addenda', system: 'icd10pcs', sourceKind: 'order-addenda' },
};

/** Which addenda layout the head shows, or null when it is not an addenda file. */
export function addendaLayoutOf(name: string, head: string): AddendaLayout | null {
  const lines = head.split(/\r?\n/);
  // The last line of the head may be cut by the 4 KB limit.
  const whole = lines.slice(0, Math.max(1, lines.length - 1)).filter((l) => l.trim() !== '');
  const first = whole[0];
  if (first === undefined || actionOf(first) === null) return null;
  const fits = (layout: AddendaLayout) => whole.every((l) => actionOf(l) === null || typeof parseAddendaLine(layout, l) !== 'string');
  if (/^[01] /.test(first.slice(13, 15)) && fits('cm-order')) return 'cm-order';
  const lower = name.toLowerCase();
  if (lower.includes('pcs')) return fits('pcs-order') ? 'pcs-order' : null;
  if (/cm/.test(lower)) return fits('cm-codes') ? 'cm-codes' : null;
  const pcsCodes = whole.some((l) => /^[0-9]/.test(l.slice(13, 14)));
  if (pcsCodes && fits('pcs-order')) return 'pcs-order';
  return fits('cm-codes') ? 'cm-codes' : null;
}

function fiscalYearOf(source: Pick<ImportSource, 'name'>): number {
  const year = fiscalYearFromName(source.name);
  if (year === null) throw importFailure(source.name, 0, 'no fiscal year in the file name (expected a name such as icd10cm_codes_addenda_2026.txt)');
  return year;
}

function addendaImporter(layout: AddendaLayout): FileImporter {
  const info = INFO[layout];
  return {
    kind: info.kind,
    description: info.description,
    detect: ({ name, head }) => addendaLayoutOf(name, head) === layout,
    check: (source) => void fiscalYearOf(source),
    run({ db, progress }, source) {
      const label = `FY${fiscalYearOf(source)}`;
      const bytes = source.read();
      const { changes, totalLines } = parseAddendaFile(source.name, layout, decodeText(bytes));
      const replaced = db.transaction(() => {
        const removed = db
          .prepare('DELETE FROM code_change WHERE system = ? AND label = ? AND source_kind = ?')
          .run(info.system, label, info.sourceKind).changes;
        const insert = db.prepare(
          `INSERT INTO code_change (system, label, source_kind, seq, action, code, billable, short_title, long_title)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        changes.forEach((c, i) => {
          insert.run(info.system, label, info.sourceKind, i + 1, c.action, c.code, c.billable ? 1 : 0, c.shortTitle, c.longTitle);
          if ((i + 1) % 500 === 0) progress(i + 1, totalLines);
        });
        db.prepare(
          `INSERT OR REPLACE INTO change_source (system, label, source_kind, file, sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(info.system, label, info.sourceKind, source.name, createHash('sha256').update(bytes).digest('hex'), new Date().toISOString());
        progress(totalLines, totalLines);
        return removed > 0;
      })();
      return { path: source.path, kind: info.kind, system: info.system, label, codes: changes.length, replaced };
    },
  };
}

export const cmOrderAddendaImporter = addendaImporter('cm-order');
export const cmCodesAddendaImporter = addendaImporter('cm-codes');
export const pcsOrderAddendaImporter = addendaImporter('pcs-order');
