/** Release verification and the control-character checks, on small files (the real files: tests/integration/codesets). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ControlCharScan, controlCharIn } from '../../../src/main/services/codesets/importers/control-chars';
import { fileSource } from '../../../src/main/services/codesets/importers/plan';
import type { OfficialRelease } from '../../../src/main/services/codesets/importers/release-manifest';
import { verifyRelease } from '../../../src/main/services/codesets/importers/verify-release';
import { readXml } from '../../../src/main/services/codesets/xml/safe-xml';
import { failureOf, tempDir, writeFile } from './helpers';

const TEXT = '00001 A00     0 Cholera\r\n00002 A000    1 Cholera due to Vibrio cholerae\r\n';
const release = (name: string, text: string): OfficialRelease => ({
  name,
  kind: 'order-file',
  release: `test release ${name}`,
  bytes: Buffer.byteLength(text),
  lines: 2,
  sha256: createHash('sha256').update(text).digest('hex'),
});
const RELEASES = [release('icd10cm_order_2030.txt', TEXT), release('icd10cm_order_2029.txt', TEXT.replace('Cholera\r', 'Cholera.\r'))];

const verify = (name: string, text: string, allowUnverified = false) =>
  verifyRelease(fileSource(writeFile(tempDir(), name, text)), 'order-file', { releases: RELEASES, allowUnverified });

describe('verifyRelease', () => {
  it('verifies a file that is a known release, under its name, another spelling of it, or a browser copy name', () => {
    for (const name of ['icd10cm_order_2030.txt', 'ICD10CM-ORDER-2030.TXT', 'icd10cm_order_2030 (1).txt']) {
      expect(verify(name, TEXT).release?.release).toBe('test release icd10cm_order_2030.txt');
    }
  });

  it('refuses a file whose name claims a release it does not match, with expected and found sizes', () => {
    expect(failureOf(() => verify('icd10cm_order_2030.txt', TEXT.slice(0, 25), true)).message).toBe(
      `icd10cm_order_2030.txt: expected the test release icd10cm_order_2030.txt (${Buffer.byteLength(TEXT)} bytes, 2 lines) but found 25 bytes, 1 lines: the file looks truncated or altered; download it again`,
    );
  });

  it('refuses a known release under the name of another one, or of another year', () => {
    expect(failureOf(() => verify('icd10cm_order_2029.txt', TEXT)).message).toContain('the file is the official test release icd10cm_order_2030.txt under another name: rename it back to icd10cm_order_2030.txt');
    expect(failureOf(() => verify('order_2031.txt', TEXT)).message).toContain('rename it back to icd10cm_order_2030.txt');
    expect(verify('cm order fy2030.txt', TEXT).release?.name).toBe('icd10cm_order_2030.txt');
  });

  it('refuses a file matching no release unless unverified files are allowed; then it has no release', () => {
    expect(failureOf(() => verify('icd10cm_order_2031.txt', TEXT.replace('A000', 'A001'))).message).toBe(
      'icd10cm_order_2031.txt: the file matches no official release CodeDesk knows (a newer release, or not an official file); to import it anyway, marked unverified, allow unverified files (codedesk codes import --allow-unverified)',
    );
    expect(verify('icd10cm_order_2031.txt', TEXT.replace('A000', 'A001'), true)).toMatchObject({ release: null, facts: { bytes: Buffer.byteLength(TEXT), lines: 2 } });
  });
});

describe('control characters', () => {
  const scan = (...chunks: string[]) => {
    const s = new ControlCharScan();
    for (const c of chunks) s.push(Buffer.from(c, 'latin1'));
    s.end();
    return s.found;
  };

  it('the byte scan allows TAB, LF and CRLF (even split across chunks) and finds the rest with their line', () => {
    expect(scan('a\tb\r', '\nc\r\n')).toBeNull();
    expect(scan('a\r\nb\u0000')).toEqual({ code: 0, line: 2 });
    expect(scan('a\r\n\r\nb\u001b[31m')).toEqual({ code: 0x1b, line: 3 });
    expect(scan('a\rb')).toEqual({ code: 0x0d, line: 1 });
    expect(scan('a\r')).toEqual({ code: 0x0d, line: 1 });
    expect(scan('a\u007f')).toEqual({ code: 0x7f, line: 1 });
    // C1 in its UTF-8 form (C2 9B = U+009B CSI), split across chunks; Windows-1252 bytes 80-9F alone are printable.
    expect(scan('a\n\u00c2', '\u009b')).toEqual({ code: 0x9b, line: 2 });
    expect(scan('caf\u0092s')).toBeNull();
  });

  it('decoded text: XML whitespace is allowed, every other control is found', () => {
    expect(controlCharIn('a\tb\r\nc')).toBeNull();
    expect(controlCharIn('a\u009bb')).toBe(0x9b);
    expect(controlCharIn('a\u007f')).toBe(0x7f);
  });

  it('XML refuses control characters written as character references, in text and attributes', () => {
    expect(failureOf(() => readXml('t.xml', '<a>\n<b>Cholera &#x9B;31m</b></a>', {})).message).toBe(
      't.xml line 2: a control character, U+009B, is not allowed in code-set text (the file is damaged or not an official file)',
    );
    expect(failureOf(() => readXml('t.xml', '<a x="&#127;"/>', {})).message).toContain('DEL (U+007F)');
    expect(failureOf(() => readXml('t.xml', '<a>&#27;[2J</a>', {})).code).toBe('IMPORT_FAILED');
  });
});
