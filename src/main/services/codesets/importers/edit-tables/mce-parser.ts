/**
 * Parses the text of CMS "Definitions of Medicare Code Edits": numbered edits (1. …) with
 * lettered sublists (A. …), each list line `CODE <TAB> description`. The table of contents
 * repeats the headings (with a tab and page number), so parsing starts at the second
 * "Chapter 1" heading and stops at "Chapter 2" (the change log).
 */
export interface MceEditHeading {
  edit: number;
  part: string;
  title: string;
  active: boolean;
  line: number;
}

export interface MceCodeLine {
  edit: number;
  part: string;
  grp: string;
  code: string;
  line: number;
}

export interface MceDocument {
  version: string;
  /** ISO date the release takes effect (April 2026 -> 2026-04-01). */
  effectiveFrom: string;
  edits: MceEditHeading[];
  codes: MceCodeLine[];
}

export class MceParseError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const OFF = /\((deactivated|discontinued)\b/i;
const CODE = /^[0-9A-Z]{3,7}$/;

/** "v43.1 April 2026" near the top. */
export function mceRelease(lines: readonly string[]): { version: string; effectiveFrom: string } | null {
  for (const text of lines.slice(0, 40)) {
    const m = /^v(\d+(?:\.\d+)?)\s+([A-Za-z]+)\s+(\d{4})\s*$/.exec(text.trim());
    const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
    if (m && month >= 0) return { version: m[1]!, effectiveFrom: `${m[3]}-${String(month + 1).padStart(2, '0')}-01` };
  }
  return null;
}

/** A list inside a sublist, from the text line above it. */
function groupOf(text: string): string | null {
  const t = text.trim();
  const numbered = /^(\d)\.\s/.exec(t);
  if (numbered) return numbered[1]!;
  if (/^procedures?$/i.test(t)) return 'procedures';
  if (/^diagnoses(\s+list)?$/i.test(t)) return 'diagnoses';
  if (/"acceptable" when a secondary diagnosis/i.test(t)) return 'needs-secondary';
  return null;
}

export function parseMce(lines: readonly string[]): MceDocument {
  const release = mceRelease(lines);
  if (!release) throw new MceParseError(0, 'no release line such as "v43.1 April 2026" near the top');
  const chapters = lines.flatMap((t, i) => (/^Chapter 1:/.test(t.trim()) && !t.includes('\t') ? [i] : []));
  const begin = chapters[0];
  if (begin === undefined) throw new MceParseError(0, 'no "Chapter 1" heading: not the MCE definitions document');
  const edits: MceEditHeading[] = [];
  const codes: MceCodeLine[] = [];
  let edit = 0;
  let part = '';
  let grp = '';
  let ended = false;
  for (let i = skipEditList(lines, begin + 1); i < lines.length; i += 1) {
    const text = lines[i]!;
    const line = i + 1;
    if (/^Chapter 2:/.test(text.trim())) {
      ended = true;
      break;
    }
    const cell = text.split('\t', 1)[0]!.trim();
    // A tab ends list lines; a sentence may also end with stray tabs.
    if (text.includes('\t') && !/\s/.test(cell)) {
      // "*Z5189": the asterisk marks a code acceptable as principal with a secondary diagnosis.
      const starred = cell.startsWith('*');
      const code = starred ? cell.slice(1) : cell;
      if (!CODE.test(code)) throw new MceParseError(line, 'a list line does not start with a code');
      if (edit === 0) continue; // the short list of edits under the chapter heading has no codes
      const current = edits[edits.length - 1];
      if (current && !current.active) throw new MceParseError(line, `codes listed under deactivated edit ${edit}`);
      codes.push({ edit, part, grp: starred ? 'needs-secondary' : grp, code, line });
      continue;
    }
    const heading = /^(\d{1,2})\.\s+(\S.*)$/.exec(text.trim());
    if (heading && Number(heading[1]) > edit) {
      edit = Number(heading[1]);
      part = '';
      grp = '';
      edits.push({ edit, part, title: heading[2]!.trim(), active: !OFF.test(heading[2]!), line });
      continue;
    }
    const letter = /^([A-G])\.\s+(\S.*)$/.exec(text.trim());
    // Sublists run A, B, C … within an edit (a retired one may be left out).
    if (letter && edit > 0 && letter[1]! > part) {
      part = letter[1]!;
      grp = '';
      edits.push({ edit, part, title: shortTitle(letter[2]!), active: !OFF.test(letter[2]!), line });
      continue;
    }
    if (edit > 0 && text.trim() !== '') grp = groupOf(text) ?? '';
  }
  if (!ended) throw new MceParseError(lines.length, 'the document stops before "Chapter 2" (it may be truncated)');
  return { ...release, edits, codes };
}

/** Chapter 1 opens with a run of the edit headings (a short list): start after it. */
function skipEditList(lines: readonly string[], from: number): number {
  const numbered = (i: number): boolean => /^\d{1,2}\.\s+\S/.test(lines[i]?.trim() ?? '') && !lines[i]!.includes('\t');
  let i = from;
  while (i < lines.length && !numbered(i)) i += 1;
  if (!numbered(i + 1)) return from;
  while (i < lines.length && numbered(i)) i += 1;
  return i;
}

function shortTitle(text: string): string {
  const t = text.trim();
  return t.length <= 100 ? t : `${t.slice(0, 97)}…`;
}
