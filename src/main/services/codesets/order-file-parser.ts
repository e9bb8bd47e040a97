/**
 * Parses and checks an ICD-10-CM or ICD-10-PCS order file, line by line as it is read: the
 * layout of every line, the order numbers, the code shapes, and the header structure (every
 * header has codes under it), which is what reveals a file cut short. Imports stream the
 * checked rows into the database (orderFileRows); a failure, even at the last line, rolls
 * the whole file back.
 */
import { hasCodeShape } from './code-format';
import { importFailure } from './import-failure';
import { LineReader, withoutTrailingBlanks, type TextLine } from './importers/streaming/text-lines';
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

/** Parses and checks a whole order file held as text (tests, small files); imports stream it with orderFileRows. */
export function parseOrderFile(file: string, text: string): ParsedOrderFile {
  const reader = new LineReader([text], { file });
  const rows: CodeRow[] = [];
  const checker = new OrderFileChecker(file, (row) => rows.push(row));
  for (const { text: line, line: n } of withoutTrailingBlanks(reader)) checker.add(line, n);
  return { ...checker.finish(reader.terminated), rows };
}

/**
 * The kind of an order file from its first two lines (or its only one), read on a pass of
 * their own: an import needs it before the first row is written. Reads no further.
 */
export function orderFileKind(file: string, lines: Iterable<TextLine>, terminated: () => boolean): OrderKind {
  const checker = new OrderFileChecker(file, () => undefined);
  for (const { text, line } of lines) {
    checker.add(text, line);
    if (checker.kind !== null) return checker.kind;
  }
  return checker.finish(terminated()).kind;
}

/**
 * The checked rows of an order file, in file order, as its lines are read; throws
 * importFailure(...) where a check fails, the file-wide ones after the last row. `terminated`
 * is asked once the lines are exhausted.
 */
export function* orderFileRows(
  file: string,
  lines: Iterable<TextLine>,
  terminated: () => boolean,
): Generator<CodeRow, { kind: OrderKind; totalLines: number }> {
  const ready: CodeRow[] = [];
  const checker = new OrderFileChecker(file, (row) => ready.push(row));
  for (const { text, line } of lines) {
    checker.add(text, line);
    yield* ready.splice(0);
  }
  const result = checker.finish(terminated());
  yield* ready.splice(0);
  return result;
}

/**
 * Checks an order file line by line as it is read, handing each checked row to `onRow` and
 * keeping only the codes seen (at most 99,999: the order number has five digits), never the
 * file's text or rows.
 */
export class OrderFileChecker {
  private decided: OrderKind | null = null;
  private held: OrderLine | null = null;
  private lines = 0;
  private readonly firstLine = new Map<string, number>();
  private readonly categories = new Set<string>();
  private table: string | null = null;
  private openHeader: { code: string; line: number } | null = null;

  constructor(
    private readonly file: string,
    private readonly onRow: (row: CodeRow) => void,
  ) {}

  /** Known once the first two lines are in (or the file is finished). */
  get kind(): OrderKind | null {
    return this.decided;
  }

  /** One line, in order, trailing blank lines left out (text-lines.ts withoutTrailingBlanks). */
  add(text: string, line: number): void {
    const parsed = parseOrderLine(text);
    if (typeof parsed === 'string') throw importFailure(this.file, line, parsed);
    this.lines = line;
    // The kind is told by the first two lines together.
    if (line === 1) {
      this.held = parsed;
      return;
    }
    if (this.held) {
      this.decideKind(this.held, parsed);
      this.check(this.held, 1);
      this.held = null;
    }
    this.check(parsed, line);
  }

  finish(terminated: boolean): { kind: OrderKind; totalLines: number } {
    if (this.lines === 0) throw importFailure(this.file, 0, 'the file is empty');
    if (this.held) {
      this.decideKind(this.held, undefined);
      this.check(this.held, 1);
      this.held = null;
    }
    const last = this.openHeader;
    if (last) {
      const reason = `the file ends after header ${last.code}, with no codes under it: the file may be cut short`;
      throw importFailure(this.file, this.lines, reason);
    }
    if (!terminated) throw importFailure(this.file, this.lines, 'the last line has no line ending: the file may be cut short');
    return { kind: this.decided as OrderKind, totalLines: this.lines };
  }

  private decideKind(first: OrderLine, second: OrderLine | undefined): void {
    const kind = kindFromContent(first, second);
    const named = kindFromName(this.file);
    if (named !== null && named !== kind) {
      const content = ORDER_KIND_INFO[kind].label;
      throw importFailure(this.file, 1, `the content is an ${content} order file, but the name says ${ORDER_KIND_INFO[named].label}`);
    }
    this.decided = kind;
  }

  private check(row: OrderLine, line: number): void {
    const fail = (reason: string) => importFailure(this.file, line, reason);
    if (row.order !== line) {
      const expected = String(line).padStart(5, '0');
      throw fail(`expected order number ${expected} in columns 1-5 (lines missing or out of order)`);
    }
    if (this.decided === 'icd10cm-order') checkCmRow(row, this.categories, fail);
    else this.table = checkPcsRow(row, this.table, fail);
    const open = this.openHeader;
    if (open && !(row.code.length > open.code.length && row.code.startsWith(open.code))) {
      throw importFailure(this.file, open.line, `header ${open.code} is not followed by any code under it`);
    }
    this.openHeader = row.billable ? null : { code: row.code, line };
    const seen = this.firstLine.get(row.code);
    if (seen !== undefined) throw fail(`code ${row.code} appears twice (first on line ${seen})`);
    this.firstLine.set(row.code, line);
    this.onRow({ code: row.code, billable: row.billable, shortTitle: row.shortTitle, longTitle: row.longTitle, seq: row.order });
  }
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
