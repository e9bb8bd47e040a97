/**
 * POA-exempt lists (CDC/NCHS, tab-delimited, codes dotted): the full list, and the add /
 * delete / revise files that say what changed from the year before.
 */
import { fiscalYearPeriod } from '../../source-files';
import { importFailure } from '../../import-failure';
import type { FileImporter, FileSummary, ImportSource } from '../types';
import { AppFailure } from '../../../../../shared/result';
import { scanSource, sourceLines } from '../streaming/source-scan';
import { insertUnique, replaceEditFile, setRowCount } from './edit-file-store';

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
    const scan = scanSource(source);
    const period = fiscalYearPeriod(year);
    const label = `POA exempt FY${year}${layout === 'list' ? '' : ` (${layout})`}`;
    const { db } = context;
    // One transaction around the streamed read: rows go in as they are read, and a bad line
    // anywhere rolls back the whole file.
    const { replaced, rows } = db.transaction(() => {
      const file = replaceEditFile(
        db,
        { kind: layout === 'list' ? 'poa' : 'poa-change', variant: layout === 'list' ? '' : layout, part: '', label, effectiveFrom: period.from, effectiveTo: period.to, source: source.name },
        scan.sha256,
      );
      const insertList = db.prepare('INSERT INTO poa_exempt (file_id, code, line) VALUES (?, ?, ?)');
      const insertChange = db.prepare('INSERT INTO poa_change (file_id, action, code, title, line) VALUES (?, ?, ?, ?, ?)');
      const addedCodes = new Set<string>();
      let count = 0;
      for (const { text, line } of sourceLines(source, scan)) {
        if (line === 1 || text.trim() === '') continue;
        try {
          const row = { line, ...parsePoaLine(layout, text) };
          if (layout === 'list') {
            insertUnique(() => insertList.run(file.id, row.code, row.line), () => new Error(`${row.code} is listed twice`));
          } else {
            // The add file is small (hundreds of codes).
            if (layout === 'add') {
              if (addedCodes.has(row.code)) throw new Error(`${row.code} is listed twice`);
              addedCodes.add(row.code);
            }
            insertChange.run(file.id, row.action, row.code, row.title, row.line);
          }
        } catch (e) {
          if (e instanceof AppFailure) throw e;
          throw importFailure(source.name, line, e instanceof Error ? e.message : 'bad line');
        }
        count += 1;
        // The first row too: a long file shows it has started.
        if (count % 5000 === 1) context.progress(line, scan.lines);
      }
      if (count === 0) throw importFailure(source.name, 0, 'the file has a header but no codes');
      setRowCount(db, file.id, count);
      return { replaced: file.replaced, rows: count };
    })();
    context.progress(scan.lines, scan.lines);
    return { path: source.path, kind: 'poa-exempt', system: 'icd10cm', label, codes: rows, replaced };
  },
};
