import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { charts, documents, fixture, makePdf, onlyDocument, readAll, refusals, segment, writeHl7 } from './hl7-test-helpers';

const MSH = (ctrl: string) => `MSH|^~\\&|TRANSCRIPT|STMARY^2.16.840.1.113883.3.9999^ISO|CODEDESK|HIM|202608041200||MDM^T02^MDM_T02|${ctrl}|P|2.5`;
const PID = 'PID|1||MRN4471203^^^STMARY^MR||Rivera^Maria^L||19580314|F';
const PV1 = segment('PV1', { 1: '1', 2: 'I', 19: 'V100234' });
const TXA = (type: string, id: string) => segment('TXA', { 1: '1', 2: type, 3: 'AP', 4: '202608031400', 9: '7654321^Haddad^Leila', 12: id });
const edObx = (data: string, type = 'application^pdf^Base64') => segment('OBX', { 1: '1', 2: 'ED', 3: 'PDF^Report', 5: `^${type}^${data}`, 11: 'F' });

describe('HL7 MDM^T02: documents', () => {
  it('reads a text note: one line per OBX, ~ as a line break, escape sequences decoded', async () => {
    const file = fixture('mdm-discharge-summary.hl7');
    const items = await readAll(file);
    expect(refusals(items)).toEqual([]);
    expect(documents(items)).toEqual([
      {
        type: 'document',
        chartSourceKey: 'hl7:STMARY|V100234',
        file,
        line: 1,
        document: {
          sourceId: 'DOC-55812',
          kind: 'discharge_summary',
          title: 'Discharge summary',
          author: 'Okafor, Chidi',
          date: '2026-08-04',
          contentType: 'text/plain',
          text: [
            'DISCHARGE SUMMARY',
            '',
            'HOSPITAL COURSE: Admitted with community-acquired pneumonia & hypoxia.',
            'Vitals at discharge: BP 142/88| HR 96; SpO2 95^RA.',
            'Follow up with primary care in 2 weeks.',
            '',
            'Electronically signed: C. Okafor, MD \\ Hospitalist team, 50% complete',
          ].join('\n'),
          data: null,
        },
      },
    ]);
  });

  it('reads a base64 PDF in an ED OBX as a binary application/pdf document, byte for byte', async () => {
    const pdf = await makePdf('OPERATIVE REPORT\nProcedure: laparoscopic cholecystectomy.');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = writeHl7([MSH('P1'), PID, PV1, TXA('OP', 'DOC-77001^TRANSCRIPT'), edObx(pdf.toString('base64'))]);
    const doc = onlyDocument(await readAll(file));
    expect(doc).toMatchObject({ sourceId: 'DOC-77001', kind: 'operative_report', title: 'Operative report', author: 'Haddad, Leila', date: '2026-08-03' });
    expect(doc.contentType).toBe('application/pdf');
    expect(doc.text).toBeNull();
    expect(Buffer.from(doc.data!).equals(pdf)).toBe(true);
  });

  it('keeps text OBX sent beside a PDF as a second, text document', async () => {
    const pdf = await makePdf('Operative report.');
    const caption = 'OBX|2|TX|||Signed copy attached.~See PDF for images.||||||F';
    const file = writeHl7([MSH('P7'), PID, PV1, TXA('OP', 'DOC-77003'), edObx(pdf.toString('base64')), caption]);
    expect(documents(await readAll(file)).map((d) => [d.document.sourceId, d.document.contentType, d.document.text])).toEqual([
      ['DOC-77003', 'application/pdf', null],
      ['DOC-77003#text', 'text/plain', 'Signed copy attached.\nSee PDF for images.'],
    ]);
  });

  it('joins a PDF split over several ED OBX segments before decoding it', async () => {
    const pdf = await makePdf('Radiology: chest x-ray, two views.');
    const b64 = pdf.toString('base64');
    const cut = Math.floor(b64.length / 3);
    const file = writeHl7([MSH('P2'), PID, PV1, TXA('DI', 'DOC-77002'), edObx(b64.slice(0, cut)), edObx(b64.slice(cut), 'AP^PDF^Base64')]);
    const doc = onlyDocument(await readAll(file));
    expect(doc.kind).toBe('radiology');
    expect(Buffer.from(doc.data!).equals(pdf)).toBe(true);
  });

  it('refuses an attachment over the size limit or not in base64, without blocking the chart or the next note', async () => {
    const pdf = await makePdf('Consultation note.');
    const file = writeHl7([
      'MSH|^~\\&|ADT|STMARY|CODEDESK|HIM|202608011432||ADT^A01^ADT_A01|A1|P|2.5',
      PID,
      segment('PV1', { 1: '1', 2: 'I', 19: 'V100234', 44: '20260801' }),
      MSH('P3'), // 4
      PID,
      PV1,
      TXA('CN', 'DOC-1'),
      edObx(pdf.toString('base64')),
      MSH('P4'), // 9
      PID,
      PV1,
      TXA('CN', 'DOC-2'),
      edObx('not*base64!'),
      MSH('P5'), // 14
      PID,
      PV1,
      TXA('PR', 'DOC-3'),
      'OBX|1|TX|||Progress: afebrile.||||||F',
    ]);
    expect(pdf.length).toBeGreaterThan(1024);
    const items = await readAll(file, { maxAttachmentBytes: 1024 });
    expect(charts(items)).toHaveLength(1);
    expect(refusals(items)).toEqual([
      { file, line: 4, reason: expect.stringMatching(/^MDM\^T02: The attachment is \d+ KB, over the 1 KB limit; its chart imports without it$/) },
      { file, line: 9, reason: 'MDM^T02: The attachment (OBX-5) is not valid base64' },
    ]);
    expect(documents(items).map((d) => [d.document.sourceId, d.document.kind, d.document.text])).toEqual([['DOC-3', 'progress_note', 'Progress: afebrile.']]);
    // The chart comes before the documents of its file.
    expect(items[0]!.type).toBe('chart');
  });

  it('refuses an attachment over the default 25 MB limit', async () => {
    const file = path.join(tempDir(), 'big.hl7');
    const head = [MSH('BIG'), PID, PV1, TXA('OP', 'DOC-BIG'), 'OBX|1|ED|PDF^Report||^application^pdf^Base64^'].join('\r');
    const base64 = Buffer.from(Buffer.alloc(26 * 1024 * 1024, 0x25).toString('base64'), 'latin1');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(head), base64, Buffer.from('||||||F\r')]));
    const items = await readAll(file);
    expect(documents(items)).toEqual([]);
    expect(refusals(items).map((r) => r.reason)).toEqual(['MDM^T02: The attachment is 26.0 MB, over the 25.0 MB limit; its chart imports without it']);
  });

  it('yields a document for a visit not in the file (the ingest decides), keyed like its chart would be', async () => {
    const file = writeHl7([MSH('P6'), PID, segment('PV1', { 1: '1', 2: 'I', 19: 'V555' }), TXA('XYZ^Wound care flowsheet', 'DOC-9'), 'OBX|1|TX|||Dressing changed.']);
    const items = await readAll(file);
    expect(charts(items)).toEqual([]);
    expect(documents(items)[0]).toMatchObject({
      chartSourceKey: 'hl7:STMARY|V555',
      document: { kind: 'other', title: 'Wound care flowsheet', text: 'Dressing changed.' },
    });
  });

  it('reads hex and plain-text ED attachments, and keeps an unknown type as bytes', async () => {
    const file = writeHl7([
      MSH('H1'),
      PID,
      PV1,
      TXA('PN', 'DOC-H1'),
      edObx(Buffer.from('Procedure note in plain text').toString('hex'), 'TEXT^plain^Hex'),
      MSH('H2'),
      PID,
      PV1,
      TXA('LAB', 'DOC-H2'),
      edObx(Buffer.from([1, 2, 3, 250]).toString('base64'), 'AP^x-vendor-blob^Base64'),
    ]);
    const [text, blob] = documents(await readAll(file)).map((d) => d.document);
    expect(text).toMatchObject({ kind: 'procedure_note', contentType: 'text/plain', text: 'Procedure note in plain text', data: null });
    expect(blob).toMatchObject({ kind: 'lab', contentType: 'application/x-vendor-blob', text: null });
    expect([...blob!.data!]).toEqual([1, 2, 3, 250]);
  });

  it('refuses an MDM without TXA, without TXA-12, or without content, naming each message line', async () => {
    const file = writeHl7([
      MSH('R1'),
      PID,
      PV1,
      'OBX|1|TX|||Text.',
      MSH('R2'),
      PID,
      PV1,
      TXA('DS', ''),
      'OBX|1|TX|||Text.',
      MSH('R3'),
      PID,
      PV1,
      TXA('DS', 'DOC-R3'),
    ]);
    expect(refusals(await readAll(file))).toEqual([
      { file, line: 1, reason: 'MDM^T02: No TXA segment' },
      { file, line: 5, reason: 'MDM^T02: No unique document number (TXA-12)' },
      { file, line: 10, reason: 'MDM^T02: No OBX segment: the document has no content' },
    ]);
  });

  it('dates a document by TXA-4, else TXA-6, else MSH-7, skipping a value that is not a date', async () => {
    const txa = (activity: string, origination: string) => segment('TXA', { 1: '1', 2: 'PR', 4: activity, 6: origination, 12: `D-${activity}${origination}` });
    const file = writeHl7([
      ...[txa('', '202608021500'), txa('pending', '202608021500'), txa('', '')].flatMap((t, i) => [MSH(`T${i}`), PID, PV1, t, 'OBX|1|TX|||Note.']),
    ]);
    expect(documents(await readAll(file)).map((d) => d.document.date)).toEqual(['2026-08-02', '2026-08-02', '2026-08-04']);
  });

  it('reads a Latin-1 file (older interfaces) as well as UTF-8', async () => {
    const segments = [MSH('L1'), PID, PV1, TXA('PR', 'DOC-L1'), 'OBX|1|TX|||Café au lait spots noted.'];
    const file = path.join(tempDir(), 'latin1.hl7');
    fs.writeFileSync(file, segments.join('\r'), 'latin1');
    expect(onlyDocument(await readAll(file)).text).toBe('Café au lait spots noted.');
  });
});
