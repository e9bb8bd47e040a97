/**
 * POA-exempt lists (CDC/NCHS, tab-delimited, codes dotted): the full list, and the add /
 * delete / revise files that say what changed from the year before.
 */
import { fiscalYearPeriod } from '../../source-files';
import { decodeText } from '../../text-decoding';
import { importFailure } from '../../import-failure';
import type { FileImporter, FileSummary, ImportSource } from '../types';
import { replaceEditFile, setRowCount, splitLines } from './edit-file-store';

type PoaLayout = 'list' | 'add' | 'delete' | 'revise';

const HEADERS: [RegExp, PoaLayout][] = [
  [/^Ord(?:er)?(?:FY)?\d\d\tAction\tPOAexemptCode\tDescription\s*$/i, 'revise'],
  [/^POAexemptCode\tDescription\s*$/i, 'delete'],
  // FY2025's full list says OrdFY25, the others Order25 / Order26.
  [/^Ord(?:er)?(?:FY)?\d\d\tPOAexemptCode\tDescription\s*$/i, 'list'],
];

const CM_CODE = /^[A-Z][0-9A-Z]{2,6}$/;

function layoutOf(source: Pick<ImportSource, 'name' | 'head'>): PoaLayout | null {
  const first = source.head.split(/\r?\n/, 1)[0] ?? '';
  const hit = HEADERS.find(([re]) => re.test(first));
  if (!hit) return null;
  // The add file has the full list's columns; only its name tells them apart.
  if (hit[1] === 'list' && /add/i.test(source.name)) return 'add';
  return hit[1];
}

/** FY from the header (Order26, OrdFY25) or the name (…FY26…). */
export function poaFiscalYear(name: string, head: string): number | null {
  const fromHeader = /^Ord(?:er)?(?:FY)?(\d\d)\t/i.exec(head);
  const fromName = /FY(\d\d)(?!\d)/i.exec(name);
  const yy = fromHeader?.[1] ?? fromName?.[1];
  return yy === undefined ? null : 2000 + Number(yy);
}

export interface PoaRow {
  line: number;
  code: string;
  title: string;
  action: 'add' | 'delete' | 'revise-from' | 'revise-to' | null;
}

/** Parses one data line of a POA file; throws a reason string on a bad line. */
export function parsePoaLine(layout: PoaLayout, text: string): Omit<PoaRow, 'line'> {
  const cells = text.split('\t');
  let codeCell: string | undefined;
  let title: string | undefined;
  let action: PoaRow['action'] = layout === 'list' ? null : layout === 'add' ? 'add' : 'delete';
  if (layout === 'delete') [codeCell, title] = cells;
  else if (layout === 'revise') {
    const actionCell = cells[1]?.trim().toLowerCase();
    if (actionCell === 'revise from:') action = 'revise-from';
    else if (actionCell === 'revise to:') action = 'revise-to';
    else throw new Error('the action is neither "Revise from:" nor "Revise to:"');
    [, , codeCell, title] = cells;
  } else [, codeCell, title] = cells;
  const code = (codeCell ?? '').replace(/\./g, '').trim().toUpperCase();
  if (!CM_CODE.test(code)) throw new Error('the code column does not hold an ICD-10-CM code');
  return { code, title: (title ?? '').trim().replace(/^"(.*)"$/, '$1'), action };
}

export const poaImporter: FileImporter = {
  kind: 'poa-exempt',
  description: 'POA-exempt code list',
  detect: (source) => layoutOf(source) !== null,
  check(source) {
    if (poaFiscalYear(source.name, source.head) === null) {
      throw importFailure(source.name, 0, 'the fiscal year is not in the header (Order26) or the name (FY26)');
    }
  },
  run(context, source): FileSummary {
    const layout = layoutOf(source);
    const year = poaFiscalYear(source.name, source.head);
    if (layout === null || year === null) throw importFailure(source.name, 1, 'not a POA-exempt list');
    const bytes = source.read();
    const lines = splitLines(decodeText(bytes));
    const rows: PoaRow[] = [];
    const seen = new Set<string>();
    lines.forEach((text, i) => {
      if (i === 0 || text.trim() === '') return;
      try {
        const row = { line: i + 1, ...parsePoaLine(layout, text) };
        if (layout === 'list' || layout === 'add') {
          if (seen.has(row.code)) throw new Error(`${row.code} is listed twice`);
          seen.add(row.code);
        }
        rows.push(row);
      } catch (e) {
        throw importFailure(source.name, i + 1, e instanceof Error ? e.message : 'bad line');
      }
    });
    if (rows.length === 0) throw importFailure(source.name, 0, 'the file has a header but no codes');
    const period = fiscalYearPeriod(year);
    const { db } = context;
    let replaced = false;
    db.transaction(() => {
      const file = replaceEditFile(
        db,
        {
          kind: layout === 'list' ? 'poa' : 'poa-change',
          variant: layout === 'list' ? '' : layout,
          part: '',
          label: `POA exempt FY${year}${layout === 'list' ? '' : ` (${layout})`}`,
          effectiveFrom: period.from,
          effectiveTo: period.to,
          source: source.name,
        },
        bytes,
      );
      replaced = file.replaced;
      const insertList = db.prepare('INSERT INTO poa_exempt (file_id, code, line) VALUES (?, ?, ?)');
      const insertChange = db.prepare('INSERT INTO poa_change (file_id, action, code, title, line) VALUES (?, ?, ?, ?, ?)');
      rows.forEach((r, n) => {
        if (layout === 'list') insertList.run(file.id, r.code, r.line);
        else insertChange.run(file.id, r.action, r.code, r.title, r.line);
        if (n % 5000 === 0) context.progress(n, rows.length);
      });
      setRowCount(db, file.id, rows.length);
    })();
    context.progress(rows.length, rows.length);
    return { path: source.path, kind: 'poa-exempt', system: 'icd10cm', label: `POA exempt FY${year}${layout === 'list' ? '' : ` (${layout})`}`, codes: rows.length, replaced };
  },
};
