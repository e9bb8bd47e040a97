/** Fixtures in the official layouts (made-up CPT descriptors). */
const pad = (s: string, n: number) => s.padEnd(n, ' ');
const PREFIX: Record<string, string> = { add: 'Add:', delete: 'Delete:', 'revise-from': 'Revise from:', 'revise-to': 'Revise to:' };

export function cmOrderAddendaLine(action: string, flag: 0 | 1, code: string, title: string): string {
  return `${pad(PREFIX[action] as string, 13)}${flag} ${pad(code, 7)} ${pad(title.slice(0, 60), 60)} ${title}`;
}
export function cmCodesAddendaLine(action: string, code: string, title: string): string {
  return `${pad(PREFIX[action] as string, 13)}${pad(code, 7)} ${title}`;
}
export function pcsAddendaLine(action: string, code: string, title: string): string {
  return `${pad(PREFIX[action] as string, 13)}${pad(code, 7)} ${pad(title.slice(0, 60), 60)} ${title}`;
}
export function trailer(adds: number, deletes: number, revisions: number): string[] {
  return ['', 'Codes', `  ${adds} additions`, `  ${deletes} deletions`, `  ${revisions} revisions`];
}
export const crlf = (lines: readonly string[]) => lines.map((l) => `${l}\r\n`).join('');

/** One HCPCS fixed-width record (320 characters). */
export function hcpcsTxtLine(r: { code: string; recordId: string; long: string; short?: string; added?: string; effective?: string; term?: string; action?: string }): string {
  const code = r.recordId === '7' || r.recordId === '8' ? `   ${r.code}` : r.code;
  const chars = Array.from({ length: 320 }, () => ' ');
  const put = (start: number, text: string) => [...text].forEach((c, i) => (chars[start - 1 + i] = c));
  put(1, code);
  put(6, '00100');
  put(11, r.recordId);
  put(12, r.long.slice(0, 80));
  if (r.recordId === '3' || r.recordId === '7') {
    put(92, (r.short ?? r.long).slice(0, 28));
    put(269, r.added ?? '20000101');
    put(277, r.effective ?? '20000101');
    put(285, r.term ?? '        ');
    put(293, r.action ?? 'N');
  }
  return chars.join('').trimEnd();
}

