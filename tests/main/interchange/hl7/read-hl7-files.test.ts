import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeHl7Folder } from '../../../../src/main/services/interchange/hl7/hl7-files';
import { DEFAULT_READ_OPTIONS, type IncomingItem } from '../../../../src/main/services/interchange/incoming';
import { readSources } from '../../../../src/main/services/interchange/read-sources';
import { AppFailure } from '../../../../src/shared/result';
import { tempDir } from '../../helpers/temp';
import { charts, fixture, readAll, refusals } from './hl7-test-helpers';

/** The fixture's messages rewritten with other segment separators, in a temp file. */
function withSeparator(name: string, separator: string): string {
  const text = fs.readFileSync(fixture(name), 'latin1');
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text.split(/\r\n|\r|\n/).join(separator), 'latin1');
  return file;
}

describe('HL7 files: line endings, framing and wrappers', () => {
  it('reads CR, CRLF and LF files alike, numbering lines the same way', async () => {
    const cr = fixture('adt-inpatient-stay-cr.hl7');
    expect(fs.readFileSync(cr, 'latin1')).not.toContain('\n');
    const crlf = fixture('adt-outpatient-ed-crlf.hl7');
    expect(fs.readFileSync(crlf, 'latin1')).toContain('\r\n');
    for (const name of ['adt-inpatient-stay-cr.hl7', 'adt-outpatient-ed-crlf.hl7']) {
      const expected = charts(await readAll(fixture(name)));
      expect(expected.length).toBeGreaterThan(0);
      for (const sep of ['\r', '\r\n', '\n']) expect(charts(await readAll(withSeparator(name, sep)))).toEqual(expected);
    }
    // A refusal's line is the same whichever separator the file uses.
    for (const sep of ['\r', '\r\n', '\n']) {
      expect(refusals(await readAll(withSeparator('broken-between-good.hl7', sep))).map((r) => r.line)).toEqual([5]);
    }
  });

  it('reads MLLP-framed messages (0x0B … 0x1C) and FHS/BHS batch wrappers', async () => {
    const plain = charts(await readAll(fixture('adt-outpatient-ed-crlf.hl7')));
    const framed = fs.readFileSync(fixture('mllp-framed.hl7'));
    expect([framed[0], framed.includes(0x1c)]).toEqual([0x0b, true]);
    const mllp = await readAll(fixture('mllp-framed.hl7'));
    expect(refusals(mllp)).toEqual([]);
    expect(charts(mllp)).toEqual(plain);
    const batch = await readAll(fixture('batch-wrapped.hl7'));
    expect(refusals(batch)).toEqual([]);
    expect(charts(batch)).toEqual(plain);
  });

  it('reads a folder of HL7 files, each file in name order, and says it looks like one', async () => {
    const dir = tempDir();
    fs.copyFileSync(fixture('adt-outpatient-ed-crlf.hl7'), path.join(dir, 'b.hl7'));
    fs.copyFileSync(fixture('mllp-framed.hl7'), path.join(dir, 'c.txt'));
    fs.copyFileSync(fixture('adt-inpatient-stay-cr.hl7'), path.join(dir, 'a.hl7'));
    fs.writeFileSync(path.join(dir, '.DS_Store'), 'not hl7');
    fs.mkdirSync(path.join(dir, 'old'));
    expect(looksLikeHl7Folder(dir)).toBe(true);
    const items = await readAll(dir);
    expect(charts(items).map((c) => c.sourceKey)).toEqual([
      'hl7:STMARY|V100234',
      'hl7:NORTHCLINIC|V2001',
      'hl7:NORTHCLINIC|V2002',
      'hl7:NORTHCLINIC|V2001',
      'hl7:NORTHCLINIC|V2002',
    ]);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'just text');
    expect(looksLikeHl7Folder(dir)).toBe(false);
    expect(looksLikeHl7Folder(tempDir())).toBe(false);
  });
});

describe('HL7 bad input: refused per message, the rest goes on', () => {
  it('refuses a message with broken encoding characters and still reads the good ones around it', async () => {
    const file = fixture('broken-between-good.hl7');
    const items = await readAll(file);
    expect(charts(items).map((c) => c.sourceKey)).toEqual(['hl7:NORTHCLINIC|V3001', 'hl7:NORTHCLINIC|V3003']);
    expect(refusals(items)).toEqual([{ file, line: 5, reason: 'The MSH-2 encoding characters are not four distinct separators' }]);
  });

  it('names a message type it does not read and a patient class it does not code', async () => {
    const file = fixture('unknown-type-and-class.hl7');
    const items = await readAll(file);
    expect(charts(items).map((c) => c.sourceKey)).toEqual(['hl7:STMARY|V100301']);
    expect(refusals(items)).toEqual([
      { file, line: 1, reason: 'ORU^R01 is not read (ADT A01, A03, A04, A08 and MDM^T02 are)' },
      { file, line: 6, reason: 'ADT^A01: Patient class P (PV1-2) is not read (I, O and E are)' },
    ]);
  });

  it('refuses segments with no MSH before them, a line that is not a segment, and a message without PID or PV1', async () => {
    const good = fs.readFileSync(fixture('broken-between-good.hl7'), 'latin1').split('\n').slice(0, 4);
    const file = path.join(tempDir(), 'mixed.hl7');
    const lines = [
      'PID|1||X1^^^H^MR||Nobody^Here||19700101|F', // 1: before any MSH
      ...good, // 2-5
      good[0]!, // 6
      'this line is not a segment', // 7
      ...good.slice(1), // 8-10
      good[0]!, // 11
      good[1]!, // 12 EVN
      good[3]!, // 13 PV1, no PID
      good[0]!, // 14
      good[1]!, // 15
      good[2]!, // 16 PID, no PV1
      good[0]!, // 17
      'PID|1||Y^^^H^MR||Other^Person||19800101|M', // 18
      good[2]!, // 19: a second PID, as when an MSH line is lost
      good[3]!,
    ];
    fs.writeFileSync(file, lines.join('\r\n'), 'latin1');
    const items = await readAll(file);
    expect(charts(items)).toHaveLength(1);
    expect(refusals(items)).toEqual([
      { file, line: 1, reason: 'Segments with no MSH header before them' },
      { file, line: 6, reason: 'Line 7 is not an HL7 segment' },
      { file, line: 11, reason: 'ADT^A04: No PID segment' },
      { file, line: 14, reason: 'ADT^A04: No PV1 segment' },
      { file, line: 17, reason: 'Two PID segments in one message (is an MSH header missing?)' },
    ]);
    // PHI-free: no refusal carries a patient's name.
    expect(JSON.stringify(refusals(items))).not.toMatch(/Nobody|Lindqvist|Other/);
  });

  it('echoes no free text from a message into a refusal', async () => {
    const good = fs.readFileSync(fixture('broken-between-good.hl7'), 'latin1').split('\n').slice(0, 4);
    const file = path.join(tempDir(), 'odd.hl7');
    const oddClass = good[3]!.replace('PV1|1|O|', 'PV1|1|Lindqvist Astrid|');
    fs.writeFileSync(file, [good[0]!.replace('ADT^A04', 'Astrid Lindqvist^A04'), ...good.slice(1), good[0], good[1], good[2], oddClass].join('\r'));
    const reasons = refusals(await readAll(file)).map((r) => r.reason);
    expect(reasons).toEqual([
      'an unreadable value^A04 is not read (ADT A01, A03, A04, A08 and MDM^T02 are)',
      'ADT^A04: Patient class an unreadable value (PV1-2) is not read (I, O and E are)',
    ]);
  });

  it('fails the import naming the file when it holds no HL7 at all', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'discharges.hl7');
    fs.writeFileSync(file, 'Patient list\r\nRivera, Maria\r\n');
    const failure = await readAll(file).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect(failure).toMatchObject({ code: 'IMPORT_FAILED', message: 'discharges.hl7 holds no HL7 v2 message (no MSH segment).' });
    expect(await readAll(tempDir()).catch((e: unknown) => e)).toMatchObject({ code: 'IMPORT_FAILED' });
    expect(await readAll(path.join(dir, 'gone.hl7')).catch((e: unknown) => e)).toMatchObject({ code: 'NOT_FOUND', message: 'gone.hl7 does not exist.' });
  });
});

describe('HL7 through the import dispatch', () => {
  it('is what readSources reads for a file whose content starts with MSH, whatever its name', async () => {
    const file = path.join(tempDir(), 'export.txt');
    fs.copyFileSync(fixture('mllp-framed.hl7'), file);
    const items: IncomingItem[] = [];
    for await (const item of readSources([file], DEFAULT_READ_OPTIONS)) items.push(item);
    expect(charts(items).map((c) => c.sourceKey)).toEqual(['hl7:NORTHCLINIC|V2001', 'hl7:NORTHCLINIC|V2002']);
  });
});
