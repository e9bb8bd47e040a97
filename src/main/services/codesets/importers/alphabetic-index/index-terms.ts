/**
 * One <mainTerm> element tree → its terms in document order, each with its path (main term
 * first), codes and cross-references; table terms with one cell per column. Pure: the
 * element tree comes from safe-xml, failures are importFailure(file, line, reason) and never
 * quote the file's text (codes are quoted only once checked to be code-shaped).
 */
import { importFailure } from '../../import-failure';
import { childElements, textOf, type XmlElement } from '../../xml/safe-xml';

export interface IndexTerm {
  /** 0-based document order within the file. */
  seq: number;
  parentSeq: number | null;
  /** 0 = main term. */
  level: number;
  line: number;
  /** With nonessential modifiers in parentheses: "Aspirin (aluminum) (soluble)". */
  title: string;
  /** Titles from the main term down to this one. */
  path: string[];
  /** <code>; several are joined with a space. */
  code: string | null;
  manif: string | null;
  see: string | null;
  seeAlso: string | null;
  subcat: string | null;
  seecat: string | null;
  /** Tables: one per column after the term column, null where the table has no code. */
  cells: (string | null)[] | null;
}

/** An index code as written: "X58", "T39.011", "C79.8-", "C56.-" (a dash = more characters needed). */
const INDEX_CODE = /^[A-Z][0-9][0-9A-Z](?:\.(?:[0-9A-Z]{1,4}|-))?-?$/;

export function isIndexCode(text: string): boolean {
  return INDEX_CODE.test(text);
}

/** A cell's code; null for "--" or "-" (no code) or an empty cell; undefined when it is not a code. */
export function cellValue(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '' || t === '-' || t === '--') return null;
  return isIndexCode(t) ? t : undefined;
}

/** Title text with each <nemod> in parentheses (added when the file leaves them out). */
export function termTitle(el: XmlElement): string {
  const parts = el.children.map((c) => {
    if (typeof c === 'string') return c;
    const text = textOf(c);
    if (c.name !== 'nemod' || text === '') return text;
    return text.startsWith('(') ? text : `(${text})`;
  });
  // " " around each part: "Acid<nemod>(corrosive)</nemod> NEC" reads "Acid (corrosive) NEC".
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:])/g, '$1')
    .trim();
}

/** The normalised target of an index code: no dot, no trailing dash ("C79.8-" -> "C798"). */
export function codeTarget(code: string): string {
  return code.replace(/[.-]/g, '');
}

interface FlattenContext {
  file: string;
  /** Number of heading columns (0 when the file is not a table). */
  columns: number;
  emit(term: IndexTerm): void;
  nextSeq(): number;
}

/** Flattens one <mainTerm> into terms (pre-order), checking levels, titles, codes and cells. */
export function flattenMainTerm(el: XmlElement, context: FlattenContext): void {
  flatten(el, 0, [], null, context);
}

function flatten(el: XmlElement, level: number, parentPath: string[], parentSeq: number | null, ctx: FlattenContext): void {
  const fail = (reason: string): never => {
    throw importFailure(ctx.file, el.line, reason);
  };
  if (level > 0 && el.attrs.level !== String(level)) {
    fail(`a subterm's level attribute does not match its nesting (expected level="${level}")`);
  }
  const titles = childElements(el, 'title');
  if (titles.length !== 1) fail(titles.length === 0 ? 'a term has no <title>' : 'a term has more than one <title>');
  const title = termTitle(titles[0]!);
  if (title === '') fail('a term has an empty <title>');
  // Repeated elements are joined rather than refused: the Alphabetic Index itself is not in
  // the shared data, so its rarer shapes could not be checked against the real file.
  const joined = (name: string, separator: string, check?: (v: string) => boolean): string | null => {
    const values = childElements(el, name).map(textOf).filter((v) => v !== '');
    if (check && values.some((v) => !check(v))) fail(`<${name}> does not hold an ICD-10-CM code`);
    return values.length === 0 ? null : values.join(separator);
  };
  const seq = ctx.nextSeq();
  const path = [...parentPath, title];
  ctx.emit({
    seq,
    parentSeq,
    level,
    line: el.line,
    title,
    path,
    code: joined('code', ' ', isIndexCode),
    manif: joined('manif', ' '),
    see: joined('see', '; '),
    seeAlso: joined('seeAlso', '; '),
    subcat: joined('subcat', ' ', isIndexCode),
    seecat: joined('seecat', ' ', isIndexCode),
    cells: cellsOf(el, ctx),
  });
  for (const child of childElements(el, 'term')) flatten(child, level + 1, path, seq, ctx);
}

function cellsOf(el: XmlElement, ctx: FlattenContext): (string | null)[] | null {
  const cellEls = childElements(el, 'cell');
  if (ctx.columns === 0) {
    if (cellEls.length > 0) throw importFailure(ctx.file, el.line, 'a term has <cell> elements but the file has no <indexHeading>');
    return null;
  }
  const cells: (string | null)[] = new Array<string | null>(ctx.columns - 1).fill(null);
  const seen = new Set<number>();
  for (const cell of cellEls) {
    const col = Number(cell.attrs.col);
    if (!Number.isInteger(col) || col < 2 || col > ctx.columns) {
      throw importFailure(ctx.file, cell.line, `a <cell> has a col attribute outside 2-${ctx.columns}`);
    }
    if (seen.has(col)) throw importFailure(ctx.file, cell.line, `a term has two cells for column ${col}`);
    seen.add(col);
    const value = cellValue(textOf(cell));
    if (value === undefined) throw importFailure(ctx.file, cell.line, `the cell in column ${col} does not hold an ICD-10-CM code or "--"`);
    cells[col - 2] = value;
  }
  return cells;
}
