/**
 * The ICD-10-CM codes file (icd10cm_codes_YYYY.txt): billable codes only, code in columns 1-7
 * (space-padded), a blank, the long title from column 9. It has no headers and no short
 * titles, so it must never replace an order file's version. What it does:
 * - the fiscal year's order file is already imported: the codes file is checked against it
 *   (same billable codes, same long titles) and recorded; nothing else changes;
 * - no version for that year yet (or one made from a codes file): the version is made from it
 *   (every code billable, the long title doubling as short title). Importing the order file
 *   later replaces it, headers included.
 */
import { importFailure } from '../../import-failure';
import { fiscalYearFromName, fiscalYearPeriod } from '../../source-files';
import { writeVersion, type CodeRow } from '../../version-store';
import type { ContentDb } from '../../content-db';
import { scanSource, sourceLines, type SourceScan } from '../streaming/source-scan';
import { withoutTrailingBlanks } from '../streaming/text-lines';
import type { FileImporter, ImportSource } from '../types';

const SOURCE_PREFIX = 'ICD-10-CM codes file';
const CM_CODE = /^[A-Z][0-9A-Z]{2,6}$/;

/** Returns [code, long title] or a plain-language reason. */
export function parseCodesLine(line: string): [string, string] | string {
  if (line.length > 1000) return 'the line is longer than 1000 characters';
  const code = line.slice(0, 7).trimEnd();
  if (!CM_CODE.test(code)) return 'expected an ICD-10-CM code (no dot) in columns 1-7';
  if (line.length < 9 || line[7] !== ' ') return 'the line ends after the code: the file may be cut short';
  const title = line.slice(8).trim();
  if (title === '') return 'the long title (from column 9) is empty';
  return [code, title];
}

function looksLikeCodesFile(head: string): boolean {
  const lines = head.split(/\r?\n/);
  const whole = lines.slice(0, Math.max(1, lines.length - 1)).filter((l) => l !== '');
  return whole.length > 0 && whole.every((l) => typeof parseCodesLine(l) !== 'string' && l[8] !== ' ');
}

function fiscalYearOf(source: Pick<ImportSource, 'name'>): number {
  const year = fiscalYearFromName(source.name);
  if (year === null) throw importFailure(source.name, 0, 'no fiscal year in the file name (expected a name such as icd10cm_codes_2026.txt)');
  return year;
}

interface CodesLine {
  code: string;
  title: string;
  line: number;
}

/**
 * Reads the file line by line as it comes in chunks and yields each checked line; the
 * file-wide checks (empty, cut short) throw after the last. Only the codes seen are kept
 * (for duplicates), never the text.
 */
function* codesFileLines(source: ImportSource, scan: SourceScan): Generator<CodesLine> {
  const lines = sourceLines(source, scan);
  const firstLine = new Map<string, number>();
  let count = 0;
  for (const { text, line } of withoutTrailingBlanks(lines)) {
    const parsed = parseCodesLine(text);
    if (typeof parsed === 'string') throw importFailure(source.name, line, parsed);
    const seen = firstLine.get(parsed[0]);
    if (seen !== undefined) throw importFailure(source.name, line, `code ${parsed[0]} appears twice (first on line ${seen})`);
    firstLine.set(parsed[0], line);
    yield { code: parsed[0], title: parsed[1], line };
    count = line;
  }
  if (count === 0) throw importFailure(source.name, 0, 'the file is empty');
  if (!lines.terminated) throw importFailure(source.name, count, 'the last line has no line ending: the file may be cut short');
}

/** The codes file's rows as a version of its own: every code billable, the long title doubling as short title. */
function* codesFileRows(lines: Iterable<CodesLine>): Generator<CodeRow> {
  for (const { code, title, line } of lines) yield { code, billable: true, shortTitle: title, longTitle: title, seq: line };
}

/** Checks one line of the codes file against the order file's version: a billable code with the same long title. */
function checkerAgainst(db: ContentDb, file: string, versionId: number): (line: CodesLine) => void {
  const lookup = db.prepare('SELECT billable, long_title FROM codes WHERE version_id = ? AND code = ?');
  return ({ code, title, line }) => {
    const row = lookup.get(versionId, code) as { billable: number; long_title: string } | undefined;
    if (!row) throw importFailure(file, line, `code ${code} is not in the order file of the same year already imported`);
    if (row.billable !== 1) throw importFailure(file, line, `code ${code} is a header in the order file of the same year`);
    if (row.long_title !== title) throw importFailure(file, line, `the title of ${code} differs from the order file of the same year`);
  };
}

function checkCount(db: ContentDb, file: string, versionId: number, rows: number): void {
  const { n } = db.prepare('SELECT count(*) AS n FROM codes WHERE version_id = ? AND billable = 1').get(versionId) as { n: number };
  if (n !== rows) {
    throw importFailure(file, 0, `it lists ${rows} codes but the order file of the same year has ${n} billable codes`);
  }
}

export const cmCodesFileImporter: FileImporter = {
  kind: 'icd10cm-codes',
  description: 'ICD-10-CM codes file',
  detect: ({ head }) => looksLikeCodesFile(head),
  check: (source) => void fiscalYearOf(source),
  run({ db, progress }, source) {
    const fiscalYear = fiscalYearOf(source);
    const scan = scanSource(source);
    const period = fiscalYearPeriod(fiscalYear);
    const label = `FY${fiscalYear}`;
    const existing = db
      .prepare("SELECT id, source FROM content_version WHERE system = 'icd10cm' AND is_demo = 0 AND effective_from = ?")
      .get(period.from) as { id: number; source: string } | undefined;
    const summary = { path: source.path, kind: 'icd10cm-codes', system: 'icd10cm', label };
    if (existing && !existing.source.startsWith(SOURCE_PREFIX)) {
      // Checked line by line as read: nothing is kept but the codes seen.
      const check = checkerAgainst(db, source.name, existing.id);
      let rows = 0;
      for (const line of codesFileLines(source, scan)) {
        check(line);
        rows = line.line;
      }
      checkCount(db, source.name, existing.id, rows);
      db.prepare('INSERT OR REPLACE INTO code_list_file (version_id, kind, file, sha256, rows, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(existing.id, 'icd10cm-codes', source.name, scan.sha256, rows, new Date().toISOString());
      progress(rows, rows);
      return { ...summary, codes: rows, replaced: false };
    }
    const meta = {
      system: 'icd10cm' as const,
      label,
      effectiveFrom: period.from,
      effectiveTo: period.to,
      source: `${SOURCE_PREFIX} ${source.name} (billable codes only; import the order file for headers)`,
      sha256: scan.sha256,
      isDemo: false,
    };
    // Rows are written as read; a check failing later (even at the end) rolls the version back.
    const { replaced, codes } = writeVersion(db, meta, codesFileRows(codesFileLines(source, scan)), (written, finished) =>
      progress(written, finished ? written : scan.lines, finished),
    );
    return { ...summary, codes, replaced };
  },
};
