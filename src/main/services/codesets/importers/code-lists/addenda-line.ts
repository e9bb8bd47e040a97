/**
 * One line of an ICD-10 addenda file (0-based offsets). Every line starts with a 13-character
 * action prefix ("Add:", "Delete:", "Revise from:", "Revise to:", space-padded), then:
 * - CM order addenda: flag at 13, blank, 7-character code at 15, blank, 60-character short
 *   title at 23, blank, long title from 84;
 * - CM codes addenda: 7-character code at 13, blank, long title from 21;
 * - PCS order addenda: 7-character code at 13, blank, 60-character short title at 21, blank,
 *   long title from 82 (no flag: 3-character codes are table headers).
 * Pure functions, no I/O.
 */

export type AddendaLayout = 'cm-order' | 'cm-codes' | 'pcs-order';
export type ChangeAction = 'add' | 'delete' | 'revise-from' | 'revise-to';

export interface AddendaLine {
  action: ChangeAction;
  code: string;
  billable: boolean;
  shortTitle: string | null;
  longTitle: string;
}

const PREFIXES: readonly [string, ChangeAction][] = [
  ['Add:', 'add'],
  ['Delete:', 'delete'],
  ['Revise from:', 'revise-from'],
  ['Revise to:', 'revise-to'],
];
const PREFIX_WIDTH = 13;
const MAX_LINE = 1000;

/** The action of a line's 13-character prefix, or null when it has none. */
export function actionOf(line: string): ChangeAction | null {
  const prefix = line.slice(0, PREFIX_WIDTH);
  for (const [word, action] of PREFIXES) {
    if (prefix.startsWith(word) && prefix.slice(word.length).trim() === '' && line.length > PREFIX_WIDTH) return action;
  }
  return null;
}

const CM_CODE = /^[A-Z][0-9A-Z]{2,6}$/;
const PCS_CODE = /^(?:[0-9A-HJ-NP-Z]{3}|[0-9A-HJ-NP-Z]{7})$/;

/** Returns the parsed line, or a plain-language reason (never quoting the line). */
export function parseAddendaLine(layout: AddendaLayout, line: string): AddendaLine | string {
  if (line.length > MAX_LINE) return `the line is longer than ${MAX_LINE} characters`;
  const action = actionOf(line);
  if (action === null) return 'expected an action (Add:, Delete:, Revise from:, Revise to:) in columns 1-13';
  switch (layout) {
    case 'cm-order':
      return parseCmOrder(action, line);
    case 'cm-codes':
      return parseCmCodes(action, line);
    case 'pcs-order':
      return parsePcsOrder(action, line);
  }
}

/** The space-padded 7-character code field at `start`, or null when it is not code-shaped. */
function codeAt(line: string, start: number, shape: RegExp): string | null {
  const field = line.slice(start, start + 7);
  const code = field.trimEnd();
  return field.length === 7 && shape.test(code) ? code : null;
}

function parseCmOrder(action: ChangeAction, line: string): AddendaLine | string {
  const flag = line[13];
  if (flag !== '0' && flag !== '1') return 'expected a flag 0 or 1 in column 14';
  if (line[14] !== ' ') return 'expected a blank in column 15';
  const code = codeAt(line, 15, CM_CODE);
  if (code === null) return 'expected an ICD-10-CM code in columns 16-22';
  if (line.length < 85) return 'the line ends before its long title (column 85): the file may be cut short';
  if (line[22] !== ' ' || line[83] !== ' ') return 'expected blanks in columns 23 and 84';
  const shortTitle = line.slice(23, 83).trim();
  const longTitle = line.slice(84).trim();
  if (shortTitle === '' || longTitle === '') return 'a title is empty';
  return { action, code, billable: flag === '1', shortTitle, longTitle };
}

function parseCmCodes(action: ChangeAction, line: string): AddendaLine | string {
  const code = codeAt(line, 13, CM_CODE);
  if (code === null) return 'expected an ICD-10-CM code in columns 14-20';
  if (line[20] !== ' ') return 'expected a blank in column 21';
  const longTitle = line.slice(21).trim();
  if (longTitle === '') return 'the long title (from column 22) is empty: the file may be cut short';
  return { action, code, billable: true, shortTitle: null, longTitle };
}

function parsePcsOrder(action: ChangeAction, line: string): AddendaLine | string {
  const code = codeAt(line, 13, PCS_CODE);
  if (code === null) return 'expected an ICD-10-PCS code or table in columns 14-20';
  if (line.length < 83) return 'the line ends before its long title (column 83): the file may be cut short';
  if (line[20] !== ' ' || line[81] !== ' ') return 'expected blanks in columns 21 and 82';
  const shortTitle = line.slice(21, 81).trim();
  const longTitle = line.slice(82).trim();
  if (shortTitle === '' || longTitle === '') return 'a title is empty';
  return { action, code, billable: code.length === 7, shortTitle, longTitle };
}
