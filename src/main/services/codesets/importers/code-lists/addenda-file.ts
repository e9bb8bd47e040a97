/**
 * Parses and checks a whole addenda file before anything is written: every change line, the
 * Revise from/to pairs, duplicates, and the closing summary of counts (which CMS/NCHS put at
 * the end, so a file cut short is caught when its counts do not add up or are missing).
 */
import { importFailure } from '../../import-failure';
import { actionOf, parseAddendaLine, type AddendaLayout, type AddendaLine } from './addenda-line';

export interface ParsedAddenda {
  changes: AddendaLine[];
  totalLines: number;
}

const COUNT_LINE = /^\s*(\d+) (additions|deletions|revisions)\s*$/;
const TRAILER_LINE = /^(?:Codes|Headers|\s*of which|\s*\d+ \S.*)?\s*$/;

export function parseAddendaFile(file: string, layout: AddendaLayout, text: string): ParsedAddenda {
  const lines = text.split(/\r?\n/);
  const changes: AddendaLine[] = [];
  const seen = new Map<string, number>();
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') break;
    const parsed = parseAddendaLine(layout, line);
    if (typeof parsed === 'string') throw importFailure(file, i + 1, parsed);
    const key = `${parsed.action} ${parsed.billable ? 1 : 0} ${parsed.code}`;
    const first = seen.get(key);
    if (first !== undefined) throw importFailure(file, i + 1, `the change for ${parsed.code} appears twice (first on line ${first})`);
    seen.set(key, i + 1);
    checkPairing(file, i + 1, parsed, changes[changes.length - 1]);
    changes.push(parsed);
  }
  if (changes.length === 0) throw importFailure(file, 1, 'the file holds no change lines');
  const last = changes[changes.length - 1] as AddendaLine;
  if (last.action === 'revise-from') throw importFailure(file, i, `Revise from: for ${last.code} has no Revise to: line`);
  checkTrailer(file, lines, i, changes);
  return { changes, totalLines: lines.length };
}

function checkPairing(file: string, line: number, change: AddendaLine, previous: AddendaLine | undefined): void {
  if (previous?.action === 'revise-from' && (change.action !== 'revise-to' || change.code !== previous.code)) {
    throw importFailure(file, line, `expected Revise to: for ${previous.code} after its Revise from: line`);
  }
  if (change.action === 'revise-to' && (previous?.action !== 'revise-from' || previous.code !== change.code)) {
    throw importFailure(file, line, `Revise to: for ${change.code} has no Revise from: line before it`);
  }
}

/** After the change lines: a blank line, then "Codes"/"Headers" blocks of counts that must match. */
function checkTrailer(file: string, lines: readonly string[], start: number, changes: readonly AddendaLine[]): void {
  const totals = { additions: 0, deletions: 0, revisions: 0 };
  let counted = false;
  let inBreakdown = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as string;
    if (actionOf(line) !== null) throw importFailure(file, i + 1, 'a change line follows the blank line that ends the list of changes');
    if (!TRAILER_LINE.test(line)) throw importFailure(file, i + 1, 'expected the summary of counts after the list of changes');
    // "of which" starts a breakdown of the revisions just counted; a new block ends it.
    if (/^\s*of which/.test(line)) inBreakdown = true;
    if (/^(Codes|Headers)/.test(line)) inBreakdown = false;
    const count = COUNT_LINE.exec(line);
    if (count && !inBreakdown) {
      totals[count[2] as keyof typeof totals] += Number(count[1]);
      counted = true;
    }
  }
  if (!counted) throw importFailure(file, lines.length, 'the file ends without its summary of counts: it may be cut short');
  const actual = {
    additions: changes.filter((c) => c.action === 'add').length,
    deletions: changes.filter((c) => c.action === 'delete').length,
    revisions: changes.filter((c) => c.action === 'revise-to').length,
  };
  for (const key of ['additions', 'deletions', 'revisions'] as const) {
    if (actual[key] !== totals[key]) {
      const reason = `the summary counts ${totals[key]} ${key} but the file lists ${actual[key]}: lines are missing or extra`;
      throw importFailure(file, start + 1, reason);
    }
  }
}
