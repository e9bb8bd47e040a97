/**
 * CPT from a file the user is licensed for: one code and its descriptor per line, separated by
 * a tab or a comma (CSV quoting allowed), with an optional header line. CPT is never shipped.
 * Decisions: the file name must say CPT (or be an AMA data file name such as LONGULT.txt, with
 * a year added) and carry the year, e.g. cpt_2026.txt; the version is "CPT 2026", in force
 * from 1 January of that year until a newer year is imported.
 */
import { hasCodeShape } from '../../code-format';
import { importFailure } from '../../import-failure';
import { writeVersion, type CodeRow } from '../../version-store';
import { scanSource, sourceLines } from '../streaming/source-scan';
import { withoutTrailingBlanks, type LineReader } from '../streaming/text-lines';
import type { FileImporter, ImportSource } from '../types';

const NAME = /cpt|^(?:long|medu|short|consumer)u?lt/i;
const HEADER = /^\s*"?(code|cpt|hcpcs|cpt code)"?\s*[\t,]/i;

/** [code, descriptor] from one line, or a plain-language reason. */
export function parseCptLine(line: string): [string, string] | string {
  if (line.length > 5000) return 'the line is longer than 5000 characters';
  const tab = line.indexOf('\t');
  const comma = line.indexOf(',');
  const at = tab >= 0 ? tab : comma;
  if (at < 0) return 'expected a code, then a tab or comma, then the descriptor';
  const code = line.slice(0, at).trim().replace(/^"(.*)"$/, '$1').toUpperCase();
  if (!hasCodeShape('cpt', code) || code.length !== 5) return 'expected a 5-character CPT code in the first column';
  let rest = line.slice(at + 1);
  if (tab < 0 && rest.trimStart().startsWith('"')) {
    const quoted = /^\s*"((?:[^"]|"")*)"/.exec(rest);
    if (!quoted) return 'the quoted descriptor has no closing quote';
    rest = (quoted[1] as string).replaceAll('""', '"');
  } else if (tab >= 0) {
    rest = rest.split('\t')[0] as string;
  }
  const descriptor = rest.trim();
  if (descriptor === '') return `the descriptor of ${code} is empty`;
  return [code, descriptor];
}

function yearOf(source: Pick<ImportSource, 'name'>): number {
  const match = /(?<!\d)(20\d\d)(?!\d)/.exec(source.name);
  if (!match) throw importFailure(source.name, 0, 'no year in the file name: add the CPT year, e.g. cpt_2026.txt');
  return Number(match[1]);
}

function firstDataLine(head: string): string | undefined {
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '');
  return HEADER.test(lines[0] ?? '') ? lines[1] : lines[0];
}

export const cptImporter: FileImporter = {
  kind: 'cpt',
  description: 'CPT code file (licensed; code and descriptor, tab- or comma-separated)',
  detect: ({ name, head }) => {
    const line = firstDataLine(head);
    return NAME.test(name) && line !== undefined && typeof parseCptLine(line) !== 'string';
  },
  check: (source) => void yearOf(source),
  run({ db, progress }, source) {
    const year = yearOf(source);
    const scan = scanSource(source);
    const lines = sourceLines(source, scan);
    const label = `CPT ${year}`;
    const { replaced, codes } = writeVersion(
      db,
      {
        system: 'cpt',
        label,
        effectiveFrom: `${year}-01-01`,
        effectiveTo: null,
        source: `CPT file ${source.name} (supplied by the user under their licence)`,
        sha256: scan.sha256,
        isDemo: false,
      },
      cptRows(source.name, lines),
      (written, finished) => progress(written, finished ? written : scan.lines, finished),
    );
    return { path: source.path, kind: 'cpt', system: 'cpt', label, codes, replaced };
  },
};

/** The file's codes as read, each line checked; the file-wide checks (no codes, cut short) throw after the last. */
function* cptRows(file: string, lines: LineReader): Generator<CodeRow> {
  const seen = new Map<string, number>();
  let count = 0;
  let last = 0;
  for (const { text, line } of withoutTrailingBlanks(lines)) {
    last = line;
    const clean = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    if ((line === 1 && HEADER.test(clean)) || clean.trim() === '') continue;
    const parsed = parseCptLine(clean);
    if (typeof parsed === 'string') throw importFailure(file, line, parsed);
    const [code, descriptor] = parsed;
    const first = seen.get(code);
    if (first !== undefined) throw importFailure(file, line, `code ${code} appears twice (first on line ${first})`);
    seen.set(code, line);
    count += 1;
    yield { code, billable: true, shortTitle: descriptor, longTitle: descriptor, seq: count };
  }
  if (count === 0) throw importFailure(file, 0, 'the file holds no CPT codes');
  if (!lines.terminated) throw importFailure(file, last, 'the last line has no line ending: the file may be cut short');
}
