/**
 * One line of a CMS/NCHS order file (ICD-10-CM and ICD-10-PCS share the layout), 1-based
 * columns: 1-5 order number, 7-13 code, 15 flag (1 billable, 0 header), 17-76 short title,
 * 78- long title; columns 6, 14, 16 and 77 are blank.
 */

export interface OrderLine {
  order: number;
  code: string;
  billable: boolean;
  shortTitle: string;
  longTitle: string;
}

/** The longest official line is 305 characters; anything far beyond is not an order file. */
const MAX_LINE = 1000;
const LONG_TITLE_COLUMN = 78;

/** The fixed-width start every order-file line has; enough to recognise the file kind. */
export const ORDER_LINE_START = /^\d{5} [0-9A-Z][0-9A-Z ]{6} [01] \S/;

/** Returns the parsed line, or a plain-language reason it is not a valid order-file line. */
export function parseOrderLine(text: string): OrderLine | string {
  if (text.trim() === '') return 'unexpected blank line';
  if (text.length > MAX_LINE) return `the line is longer than ${MAX_LINE} characters`;
  if (!/^\d{5}$/.test(text.slice(0, 5))) return 'expected a 5-digit order number in columns 1-5';
  if (text[5] !== ' ') return 'expected a blank in column 6';
  const code = text.slice(6, 13).trimEnd();
  if (!/^[0-9A-Z]+$/.test(code)) return 'expected a code (letters and digits, left-justified) in columns 7-13';
  if (text.length < 15) return 'the line ends after the code: the file may be cut short';
  if (text[13] !== ' ') return 'expected a blank in column 14';
  const flag = text[14];
  if (flag !== '0' && flag !== '1') return 'expected a flag 0 or 1 in column 15';
  if (text.length < LONG_TITLE_COLUMN) {
    return `the line ends before its long title (column ${LONG_TITLE_COLUMN}): the file may be cut short`;
  }
  if (text[15] !== ' ') return 'expected a blank in column 16';
  const shortTitle = text.slice(16, 76).trim();
  if (shortTitle === '') return 'the short title (columns 17-76) is empty';
  if (text[76] !== ' ') return 'expected a blank in column 77';
  const longTitle = text.slice(LONG_TITLE_COLUMN - 1).trim();
  if (longTitle === '') return `the long title (from column ${LONG_TITLE_COLUMN}) is empty`;
  return { order: Number(text.slice(0, 5)), code, billable: flag === '1', shortTitle, longTitle };
}
