/** Fixtures in the official layouts (made-up CPT descriptors) and a tiny zip writer for tests. */
import zlib from 'node:zlib';

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

/** A zip of the given members (deflated), written without any zip library. */
export function makeZip(members: readonly { name: string; data: Buffer | string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const data = Buffer.from(m.data);
    const packed = zlib.deflateRawSync(data);
    const name = Buffer.from(m.name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
