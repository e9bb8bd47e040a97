/**
 * HCPCS Level II records, from the ANWEB xlsx or its fixed-width txt (CMS record layout,
 * 320 characters, 1-based): 1-5 code (a modifier in 4-5 after 3 blanks), 6-10 sequence,
 * 11 record id (3 code, 4 code continuation, 7 modifier, 8 modifier continuation), 12-91 long
 * description (continued on 4/8 records), 92-119 short description, 269-276 code added date,
 * 277-284 action effective date, 285-292 termination date, 293 action code. Dates YYYYMMDD.
 */

export interface HcpcsRecord {
  code: string;
  kind: 'code' | 'modifier';
  longTitle: string;
  shortTitle: string;
  addedOn: string | null;
  effectiveFrom: string | null;
  terminatedOn: string | null;
  actionCode: string | null;
  /** XREF1..XREF5 by position ('' when blank): a terminated code's replacements. The xlsx only (none from the txt). */
  xrefs: string[];
}

export const HCPCS_CODE = /^[A-Z][0-9]{4}$/;
export const HCPCS_MODIFIER = /^[0-9A-Z]{2}$/;

/** YYYYMMDD (or blank) to YYYY-MM-DD (or null); a reason string when it is not a real date. */
export function hcpcsDate(value: string): string | null | { bad: true } {
  const text = value.trim();
  if (text === '') return null;
  if (!/^\d{8}$/.test(text)) return { bad: true };
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? { bad: true } : iso;
}

export interface TxtLine {
  recordId: '3' | '4' | '7' | '8';
  code: string;
  sequence: string;
  longPart: string;
  shortTitle: string;
  added: string;
  effective: string;
  terminated: string;
  action: string;
}

/** One fixed-width line, or a plain-language reason. */
export function parseHcpcsTxtLine(line: string): TxtLine | string {
  if (line.length > 400) return 'the line is longer than 400 characters';
  const recordId = line[10];
  if (recordId !== '3' && recordId !== '4' && recordId !== '7' && recordId !== '8') return 'expected a record id 3, 4, 7 or 8 in column 11';
  if (!/^\d{5}$/.test(line.slice(5, 10))) return 'expected a 5-digit sequence number in columns 6-10';
  const code = line.slice(0, 5).trim();
  const modifier = recordId === '7' || recordId === '8';
  if (modifier ? !HCPCS_MODIFIER.test(code) || line.slice(0, 3).trim() !== '' : !/^[0-9A-Z]{5}$/.test(code)) {
    return modifier ? 'expected a 2-character modifier in columns 4-5' : 'expected a 5-character code in columns 1-5';
  }
  const first = recordId === '3' || recordId === '7';
  if (first && line.length < 293) return 'the line ends before the action code (column 293): the file may be cut short';
  return {
    recordId,
    code,
    sequence: line.slice(5, 10),
    longPart: line.slice(11, 91).trimEnd(),
    shortTitle: first ? line.slice(91, 119).trim() : '',
    added: first ? line.slice(268, 276) : '',
    effective: first ? line.slice(276, 284) : '',
    terminated: first ? line.slice(284, 292) : '',
    action: first ? line.slice(292, 293).trim() : '',
  };
}
