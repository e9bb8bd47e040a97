/**
 * Parses and checks a whole ICD-10-CM or ICD-10-PCS order file before anything is written:
 * the layout of every line, the order numbers, the code shapes, and the header structure
 * (every header has codes under it), which is what reveals a file cut short.
 */
import { hasCodeShape } from './code-format';
import { importFailure } from './import-failure';
import { parseOrderLine, type OrderLine } from './order-line';
import type { CodeRow } from './version-store';

export type OrderKind = 'icd10cm-order' | 'icd10pcs-order';

export const ORDER_KIND_INFO: Record<OrderKind, { system: 'icd10cm' | 'icd10pcs'; label: string }> = {
  'icd10cm-order': { system: 'icd10cm', label: 'ICD-10-CM' },
  'icd10pcs-order': { system: 'icd10pcs', label: 'ICD-10-PCS' },
};

export interface ParsedOrderFile {
  kind: OrderKind;
  rows: CodeRow[];
  totalLines: number;
}

// PCS uses digits and every letter except I and O.
const PCS_CODE = /^[0-9A-HJ-NP-Z]+$/;

/** Splits on LF or CRLF; trailing blank lines are ignored, a missing final line ending is reported. */
export function splitLines(text: string): { lines: string[]; terminated: boolean } {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return { lines, terminated: /\n\s*$/.test(text) };
}

/** What the file name claims, if anything ("icd10pcs_order_2026.txt" -> PCS). */
export function kindFromName(file: string): OrderKind | null {
  const name = file.toLowerCase();
  if (name.includes('pcs')) return 'icd10pcs-order';
  if (/icd-?10-?cm/.test(name)) return 'icd10cm-order';
  return null;
}

/**
 * Decides CM or PCS from the first two lines. PCS opens with a 3-character table header
 * directly followed by 7-character codes of that table (CM always has 4-6 character levels
 * in between) and its first section is numeric; CM codes start with a letter.
 */
export function kindFromContent(first: OrderLine, second: OrderLine | undefined): OrderKind {
  if (/^[0-9]/.test(first.code)) return 'icd10pcs-order';
  const pcsTable =
    first.code.length === 3 && !first.billable && second?.code.length === 7 && second.code.startsWith(first.code);
  return pcsTable ? 'icd10pcs-order' : 'icd10cm-order';
}

export function parseOrderFile(file: string, text: string): ParsedOrderFile {
  const { lines, terminated } = splitLines(text);
  if (lines.length === 0) throw importFailure(file, 0, 'the file is empty');
  const parsed = lines.map((line, i) => {
    const result = parseOrderLine(line);
    if (typeof result === 'string') throw importFailure(file, i + 1, result);
    return result;
  });
  const first = parsed[0] as OrderLine;
  const kind = kindFromContent(first, parsed[1]);
  const named = kindFromName(file);
  if (named !== null && named !== kind) {
    const content = ORDER_KIND_INFO[kind].label;
    throw importFailure(file, 1, `the content is an ${content} order file, but the name says ${ORDER_KIND_INFO[named].label}`);
  }
  const rows = checkStructure(file, kind, parsed);
  if (!terminated) throw importFailure(file, lines.length, 'the last line has no line ending: the file may be cut short');
  return { kind, rows, totalLines: lines.length };
}

function checkStructure(file: string, kind: OrderKind, parsed: OrderLine[]): CodeRow[] {
  const firstLine = new Map<string, number>();
  const categories = new Set<string>();
  let table: string | null = null;
  let openHeader: { code: string; line: number } | null = null;
  const rows: CodeRow[] = [];
  parsed.forEach((row, i) => {
    const line = i + 1;
    const fail = (reason: string) => importFailure(file, line, reason);
    if (row.order !== line) {
      const expected = String(line).padStart(5, '0');
      throw fail(`expected order number ${expected} in columns 1-5 (lines missing or out of order)`);
    }
    if (kind === 'icd10cm-order') {
      checkCmRow(row, categories, fail);
    } else {
      table = checkPcsRow(row, table, fail);
    }
    if (openHeader && !(row.code.length > openHeader.code.length && row.code.startsWith(openHeader.code))) {
      throw importFailure(file, openHeader.line, `header ${openHeader.code} is not followed by any code under it`);
    }
    openHeader = row.billable ? null : { code: row.code, line };
    const seen = firstLine.get(row.code);
    if (seen !== undefined) throw fail(`code ${row.code} appears twice (first on line ${seen})`);
    firstLine.set(row.code, line);
    rows.push({ code: row.code, billable: row.billable, shortTitle: row.shortTitle, longTitle: row.longTitle, seq: row.order });
  });
  const last = openHeader as { code: string; line: number } | null;
  if (last) {
    const reason = `the file ends after header ${last.code}, with no codes under it: the file may be cut short`;
    throw importFailure(file, parsed.length, reason);
  }
  return rows;
}

function checkCmRow(row: OrderLine, categories: Set<string>, fail: (reason: string) => Error): void {
  if (!hasCodeShape('icd10cm', row.code)) throw fail('expected an ICD-10-CM code in columns 7-13');
  if (!row.billable && row.code.length === 7) {
    throw fail(`the 7-character code ${row.code} cannot be a header (flag 0 in column 15)`);
  }
  if (row.code.length === 3) {
    if (!row.billable) categories.add(row.code);
    return;
  }
  const category = row.code.slice(0, 3);
  if (!categories.has(category)) throw fail(`code ${row.code} has no category header ${category} above it`);
}

/** Returns the table the following codes belong to. */
function checkPcsRow(row: OrderLine, table: string | null, fail: (reason: string) => Error): string | null {
  if (!PCS_CODE.test(row.code)) {
    throw fail('expected an ICD-10-PCS code in columns 7-13 (digits and letters other than I and O)');
  }
  if (!row.billable) {
    if (row.code.length !== 3) throw fail('expected a 3-character table header on a line with flag 0');
    return row.code;
  }
  if (row.code.length !== 7) throw fail('expected a 7-character ICD-10-PCS code on a line with flag 1');
  if (table === null || !row.code.startsWith(table)) {
    throw fail(`code ${row.code} is not in the table of the header above it`);
  }
  return table;
}
