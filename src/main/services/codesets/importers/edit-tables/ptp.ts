/**
 * NCCI procedure-to-procedure tables, CMS layout (ccipra = practitioner, ccioph = outpatient
 * hospital; parts f1..f4): notice lines, a header naming Column 1, Column 2, "*=in existence
 * prior to 1996", Effective Date, Deletion Date (*=no data), Modifier (0=not allowed,
 * 1=allowed, 9=not applicable), PTP Edit Rationale; then tab-delimited rows (CSV accepted).
 */
import { importFailure } from '../../import-failure';
import type { FileImporter, FileSummary } from '../types';
import { parseCsv } from './csv';
import { scanSource, sourceLines } from '../streaming/source-scan';
import { endAfterMonths, HCPCS_SHAPE, insertUnique, replaceEditFile, setRowCount } from './edit-file-store';
import { writePtpPartners } from './ptp-partners-store';

export type PtpVariant = 'practitioner' | 'hospital';

/** ccipra-v321r0-f1.txt -> practitioner, NCCI version 32.1 (2026 Q2), part f1. */
export function ptpFileInfo(name: string): { variant: PtpVariant; version: string; effectiveFrom: string; part: string } | null {
  const m = /cci(pra|oph)[-_ ]?v(\d\d)(\d)r(\d+)(?:[-_ ]?f(\d+))?/i.exec(name);
  if (!m) return null;
  const major = Number(m[2]);
  const quarter = Number(m[3]);
  if (quarter > 3) return null;
  // Version N.0 takes effect each January of 1994 + N; N.1 April, N.2 July, N.3 October.
  const effectiveFrom = `${1994 + major}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  return {
    variant: m[1]!.toLowerCase() === 'pra' ? 'practitioner' : 'hospital',
    version: `${major}.${quarter}r${m[4]}`,
    effectiveFrom,
    part: m[5] ? `f${m[5]}` : '',
  };
}

const isHeader = (text: string): boolean => /Column\s*1/i.test(text) && /Column\s*2/i.test(text);

export interface PtpRow {
  col1: string;
  col2: string;
  pre1996: boolean;
  effectiveFrom: string;
  effectiveTo: string | null;
  modifier: 0 | 1 | 9;
  rationale: string;
}

function isoDate(text: string, what: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!m || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) {
    throw new Error(`the ${what} is not a date as YYYYMMDD`);
  }
  return iso;
}

/** One data row's cells; throws an Error whose message is the reason. */
export function parsePtpCells(cells: readonly string[]): PtpRow {
  const cell = (i: number): string => (cells[i] ?? '').trim();
  const col1 = cell(0).toUpperCase();
  const col2 = cell(1).toUpperCase();
  if (!HCPCS_SHAPE.test(col1) || !HCPCS_SHAPE.test(col2)) throw new Error('column 1 or column 2 is not a CPT/HCPCS code');
  if (!['', '*'].includes(cell(2))) throw new Error('the "prior to 1996" column is neither * nor empty');
  const effectiveFrom = isoDate(cell(3), 'effective date');
  const deletion = cell(4);
  const effectiveTo = deletion === '*' || deletion === '' ? null : isoDate(deletion, 'deletion date');
  const modifier = cell(5);
  if (!['0', '1', '9'].includes(modifier)) throw new Error(`the modifier indicator for ${col1}/${col2} is not 0, 1 or 9`);
  return { col1, col2, pre1996: cell(2) === '*', effectiveFrom, effectiveTo, modifier: Number(modifier) as 0 | 1 | 9, rationale: cell(6) };
}

export const ptpImporter: FileImporter = {
  kind: 'ncci-ptp',
  description: 'NCCI PTP edits (ccipra / ccioph, tab-delimited)',
  detect: (source) => ptpFileInfo(source.name) !== null && isHeader(source.head) && /prior to 1996/i.test(source.head),
  check(source) {
    if (ptpFileInfo(source.name) === null) throw importFailure(source.name, 0, 'the name does not say ccipra/ccioph and the version (v321r0)');
  },
  run(context, source): FileSummary {
    const info = ptpFileInfo(source.name);
    if (!info) throw importFailure(source.name, 0, 'not an NCCI PTP table');
    const scan = scanSource(source);
    const label = `NCCI PTP ${info.variant} v${info.version}${info.part ? ` ${info.part}` : ''}`;
    const { db } = context;
    // Rows go in as they are read (the practitioner tables run to millions of rows), inside
    // one transaction: a bad row anywhere rolls back the whole file.
    const { replaced, rows } = db.transaction(() => {
      const file = replaceEditFile(
        db,
        {
          kind: 'ptp',
          variant: info.variant,
          part: info.part,
          label,
          effectiveFrom: info.effectiveFrom,
          effectiveTo: endAfterMonths(info.effectiveFrom, 3),
          source: source.name,
        },
        scan.sha256,
      );
      const insert = db.prepare(
        `INSERT INTO ptp (file_id, col1, col2, effective_from, effective_to, pre1996, modifier, rationale, line)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      let tabbed: boolean | null = null;
      let started = false;
      let count = 0;
      for (const { text, line } of sourceLines(source, scan)) {
        if (tabbed === null) {
          if (isHeader(text)) tabbed = text.includes('\t');
          continue;
        }
        if (text.trim() === '') continue;
        const cells = tabbed ? text.split('\t') : (parseCsv(text)[0]?.fields ?? []);
        // The header may run over several lines before the first row.
        if (!started && !HCPCS_SHAPE.test((cells[0] ?? '').trim().toUpperCase())) continue;
        started = true;
        try {
          const row = parsePtpCells(cells);
          insertUnique(
            () => insert.run(file.id, row.col1, row.col2, row.effectiveFrom, row.effectiveTo, row.pre1996 ? 1 : 0, row.modifier, row.rationale, line),
            () => new Error(`the pair ${row.col1}/${row.col2} from ${row.effectiveFrom} is listed twice`),
          );
        } catch (e) {
          throw importFailure(source.name, line, e instanceof Error ? e.message : 'bad row');
        }
        count += 1;
        // The first row too: a long file shows it has started.
        if (count % 10000 === 1) context.progress(line, scan.lines);
      }
      if (tabbed === null) throw importFailure(source.name, 0, 'the header (Column 1, Column 2 …) is missing');
      if (count === 0) throw importFailure(source.name, 0, 'the table has a header but no rows');
      writePtpPartners(db, file.id);
      setRowCount(db, file.id, count);
      return { replaced: file.replaced, rows: count };
    })();
    context.progress(scan.lines, scan.lines);
    return { path: source.path, kind: 'ncci-ptp', system: 'hcpcs', label, codes: rows, replaced };
  },
};
