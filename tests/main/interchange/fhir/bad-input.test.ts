/**
 * Bad input gets a clear, PHI-free reason and loses nothing: a bad resource is refused with its
 * file, line and reason while the rest of the file imports; a file that is not FHIR at all fails
 * whole, before any item of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { readFhir } from '../../../../src/main/services/interchange/fhir/read-fhir';
import { DEFAULT_READ_OPTIONS } from '../../../../src/main/services/interchange/incoming';
import { tempDir } from '../../helpers/temp';
import { base64, collect, encounter, note, patient, writeBulk, writeJson, zipFolder } from './helpers';

const NAME = 'Testperson';
const NOTE_TEXT = 'Synthetic progress note.';

/** No refusal may carry the patient's name or a line of a document. */
function expectPhiFree(reasons: string[]): void {
  for (const reason of reasons) {
    expect(reason).not.toContain(NAME);
    expect(reason).not.toContain('Alma');
    expect(reason).not.toContain(NOTE_TEXT);
  }
}

/** zipFolder takes files only; the attachments sub-folder is added under its own path. */
function zipFolderWithAttachments(dir: string): Promise<string> {
  const out = path.join(tempDir(), 'export.zip');
  const zip = new yazl.ZipFile();
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.ndjson')) zip.addFile(path.join(dir, name), `export/${name}`);
  zip.addFile(path.join(dir, 'attachments', 'op-note.txt'), 'export/attachments/op-note.txt');
  zip.end();
  return new Promise((resolve) => zip.outputStream.pipe(fs.createWriteStream(out)).on('close', () => resolve(out)));
}

async function firstFailure(source: string): Promise<{ error: unknown; items: number }> {
  let items = 0;
  try {
    for await (const _ of readFhir(source, DEFAULT_READ_OPTIONS)) items += 1;
  } catch (error) {
    return { error, items };
  }
  throw new Error('expected the read to fail');
}

describe('resource-level refusals in a bulk export', () => {
  it('refuses a malformed JSON line and a line with no resourceType by file and line, and imports the rest', async () => {
    const dir = writeBulk({
      'Patient.000.ndjson': [patient(), '{"resourceType":"Patient","id":"p2",', { id: 'x', name: 'no type' }],
      'Encounter.000.ndjson': [encounter('e1'), '', encounter('e2')],
      'DocumentReference.000.ndjson': ['not json at all', note('n1', 'Encounter/e1')],
    });
    const { charts, documents, refusals } = await collect(dir);
    expect(charts.map((c) => c.sourceRef)).toEqual(['Encounter/e1', 'Encounter/e2']);
    expect(documents.map((d) => [d.document.sourceId, d.line])).toEqual([['DocumentReference/n1', 2]]);
    expect(refusals).toEqual([
      { file: path.join(dir, 'Patient.000.ndjson'), line: 2, reason: 'the line is not valid JSON' },
      { file: path.join(dir, 'Patient.000.ndjson'), line: 3, reason: 'the line is not a FHIR resource (no resourceType)' },
      { file: path.join(dir, 'DocumentReference.000.ndjson'), line: 1, reason: 'the line is not valid JSON' },
    ]);
  });

  it('refuses pre-R4 shapes with "looks like FHIR STU3/DSTU2; CodeDesk reads R4"', async () => {
    const dir = writeBulk({
      'Patient.ndjson': [patient()],
      'Encounter.ndjson': [
        encounter('dstu2-class', { class: 'inpatient' }),
        encounter('dstu2-patient', { subject: undefined, patient: { reference: 'Patient/p1' } }),
        encounter('stu3-reason', { reason: [{ text: 'chest pain' }] }),
        encounter('r4'),
      ],
      'DocumentReference.ndjson': [note('stu3-doc', 'Encounter/r4', { context: { encounter: { reference: 'Encounter/r4' } } }), note('r4-doc', 'Encounter/r4')],
      'DiagnosticReport.ndjson': [{ resourceType: 'DiagnosticReport', id: 'stu3-report', context: { reference: 'Encounter/r4' }, presentedForm: [{ contentType: 'text/plain', data: base64('x') }] }],
    });
    const { charts, documents, refusals } = await collect(dir);
    expect(charts.map((c) => c.sourceRef)).toEqual(['Encounter/r4']);
    expect(documents.map((d) => d.document.sourceId)).toEqual(['DocumentReference/r4-doc']);
    expect(refusals.map((r) => [path.basename(r.file), r.line])).toEqual([
      ['Encounter.ndjson', 1], ['Encounter.ndjson', 2], ['Encounter.ndjson', 3], ['DiagnosticReport.ndjson', 1], ['DocumentReference.ndjson', 1],
    ]);
    for (const refusal of refusals) expect(refusal.reason).toContain('looks like FHIR STU3/DSTU2; CodeDesk reads R4');
  });

  it('refuses an encounter whose patient is not in the export, and one with a missing or invalid period', async () => {
    const dir = writeBulk({
      'Patient.ndjson': [patient()],
      'Encounter.ndjson': [
        encounter('dangling', { subject: { reference: 'Patient/not-here' } }),
        encounter('no-period', { period: undefined }),
        encounter('partial', { period: { start: '2026-03' } }),
        encounter('impossible', { period: { start: '2026-02-30' } }),
        encounter('backwards', { period: { start: '2026-03-05', end: '2026-03-01' } }),
        encounter('ok'),
      ],
    });
    const { charts, refusals } = await collect(dir);
    expect(charts.map((c) => c.sourceRef)).toEqual(['Encounter/ok']);
    expect(refusals.map((r) => [r.line, r.reason])).toEqual([
      [1, 'Encounter/dangling: its patient is not in this export (dangling subject reference)'],
      [2, 'Encounter/no-period has no valid period.start (a full date is needed)'],
      [3, 'Encounter/partial has no valid period.start (a full date is needed)'],
      [4, 'Encounter/impossible has no valid period.start (a full date is needed)'],
      [5, 'Encounter/backwards has a period that ends before it starts'],
    ]);
  });

  it('refuses an attachment over the size limit while its chart and the other notes import', async () => {
    const big = note('big', 'Encounter/e1', { content: [{ attachment: { contentType: 'application/pdf', data: Buffer.alloc(4096, 1).toString('base64') } }] });
    const dir = writeBulk({ 'Patient.ndjson': [patient()], 'Encounter.ndjson': [encounter('e1')], 'DocumentReference.ndjson': [big, note('small', 'Encounter/e1')] });
    const { charts, documents, refusals } = await collect(dir, { maxAttachmentBytes: 1024 });
    expect(charts).toHaveLength(1);
    expect(documents.map((d) => d.document.sourceId)).toEqual(['DocumentReference/small']);
    expect(refusals).toEqual([{ file: path.join(dir, 'DocumentReference.ndjson'), line: 1, reason: 'DocumentReference/big: the attachment (4 KB) is over the 1 KB limit' }]);
  });

  it('reads an attachment by relative url from a file inside the export, and refuses urls leaving it', async () => {
    const dir = writeBulk({
      'Patient.ndjson': [patient()],
      'Encounter.ndjson': [encounter('e1')],
      'DocumentReference.ndjson': [
        note('by-file', 'Encounter/e1', { content: [{ attachment: { contentType: 'text/plain', url: 'attachments/op-note.txt' } }] }),
        note('escape', 'Encounter/e1', { content: [{ attachment: { contentType: 'text/plain', url: '../outside.txt' } }] }),
        note('remote', 'Encounter/e1', { content: [{ attachment: { contentType: 'text/plain', url: 'https://ehr.test/Binary/1' } }] }),
        note('missing-binary', 'Encounter/e1', { content: [{ attachment: { contentType: 'text/plain', url: 'Binary/nope' } }] }),
        note('by-binary', 'Encounter/e1', { content: [{ attachment: { url: 'Binary/b1' } }] }),
      ],
      'Binary.ndjson': [{ resourceType: 'Binary', id: 'b1', contentType: 'text/plain', data: base64('From a Binary line.') }],
    });
    fs.mkdirSync(path.join(dir, 'attachments'));
    fs.writeFileSync(path.join(dir, 'attachments', 'op-note.txt'), 'Operative note from a file.');
    fs.writeFileSync(path.join(dir, '..', 'outside.txt'), 'must not be read');
    const { documents, refusals } = await collect(dir);
    expect(documents.map((d) => [d.document.sourceId, d.document.text])).toEqual([
      ['DocumentReference/by-file', 'Operative note from a file.'],
      ['DocumentReference/by-binary', 'From a Binary line.'],
    ]);
    expect(refusals.map((r) => [r.line, r.reason])).toEqual([
      [2, 'DocumentReference/escape: the attachment url names a file that is not in this export'],
      [3, 'DocumentReference/remote: the attachment url points outside this export (only attachments inside it are read)'],
      [4, 'DocumentReference/missing-binary: the attachment points at a Binary that is not in this export'],
    ]);
    // The same export zipped (the attachments folder inside it) reads the same.
    const zipped = await collect(await zipFolderWithAttachments(dir));
    expect(zipped.documents.map((d) => d.document)).toEqual(documents.map((d) => d.document));
    expect(zipped.refusals.map((r) => r.reason)).toEqual(refusals.map((r) => r.reason));
  });

  it('keeps patient names and note text out of every refusal', async () => {
    const dir = writeBulk({
      'Patient.ndjson': [patient('p1', { birthDate: undefined })],
      'Encounter.ndjson': [encounter('e1'), encounter('e2', { class: { code: 'FLD' } })],
      'DocumentReference.ndjson': [note('n1', 'Encounter?identifier=urn:x|1'), note('n2', 'Encounter/e1', { status: 'entered-in-error' })],
    });
    const { refusals } = await collect(dir, { maxAttachmentBytes: 4 });
    expect(refusals).toHaveLength(4);
    expectPhiFree(refusals.map((r) => r.reason));
  });
});

describe('file-level failures', () => {
  it('a JSON file that is not JSON fails with IMPORT_FAILED naming the file, before any item', async () => {
    const file = path.join(tempDir(), 'broken.json');
    fs.writeFileSync(file, '{"resourceType": "Bundle", "type": "collection", "entry": [');
    const { error, items } = await firstFailure(file);
    expect(items).toBe(0);
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', message: 'broken.json is not valid JSON.', detail: { file } });
  });

  it('a JSON file that is not FHIR fails with IMPORT_FAILED naming the file', async () => {
    const file = writeJson('orders.json', { orders: [{ name: NAME }] });
    const { error } = await firstFailure(file);
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', message: 'orders.json is JSON but not FHIR (no resourceType).' });
  });

  it('a zip bomb is refused before any member is inflated', async () => {
    const dir = tempDir();
    const bomb = path.join(dir, 'bomb.zip');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.alloc(20 * 1024 * 1024), 'Encounter.000.ndjson');
    zip.end();
    await new Promise<void>((resolve) => zip.outputStream.pipe(fs.createWriteStream(bomb)).on('close', () => resolve()));
    const { error, items } = await firstFailure(bomb);
    expect(items).toBe(0);
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringMatching(/^bomb\.zip cannot be read: .*zip bomb/), detail: { file: bomb } });
  });

  it('a zip without NDJSON files is not a bulk export', async () => {
    const dir = writeBulk({ 'Patient.ndjson': [patient()] });
    fs.renameSync(path.join(dir, 'Patient.ndjson'), path.join(dir, 'Patient.txt'));
    const { error } = await firstFailure(await zipFolder(dir));
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', message: 'export.zip holds no .ndjson files of a FHIR Bulk Data export.' });
  });
});

describe('a single NDJSON file chosen alone', () => {
  it('is read as a one-file bulk export (here: notes for encounters already in the workspace)', async () => {
    const dir = writeBulk({ 'notes.ndjson': [note('n1', 'Encounter/e1'), note('n2', 'Encounter/e2')] });
    const { documents, refusals } = await collect(path.join(dir, 'notes.ndjson'));
    expect(refusals).toEqual([]);
    expect(documents.map((d) => [d.chartSourceKey, d.line, d.document.text])).toEqual([
      ['fhir:Encounter/e1', 1, NOTE_TEXT],
      ['fhir:Encounter/e2', 2, NOTE_TEXT],
    ]);
  });
});

describe('NDJSON files not named for one type', () => {
  it('reads a mixed file (CRLF lines) with its charts first and its notes after them, and skips the export log', async () => {
    const dir = writeBulk({
      'export.ndjson': [note('n1', 'Encounter/e1'), patient(), encounter('e1')],
      'log.ndjson': ['{"eventId":"kickoff"}'],
    });
    const file = path.join(dir, 'export.ndjson');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const { items } = await collect(dir);
    expect(items.map((i) => i.type)).toEqual(['chart', 'document']);
    expect(items[1]).toMatchObject({ file, line: 1, document: { text: NOTE_TEXT } });
  });
});
