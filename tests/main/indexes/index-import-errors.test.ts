/**
 * Bad index files: each is refused with IMPORT_FAILED naming the file, the line and the
 * reason (never quoting its text), and the database is left exactly as it was.
 */
import { describe, expect, it, vi } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { indexImporter } from '../../../src/main/services/codesets/importers/alphabetic-index/index-importer';
import { fileSource } from '../../../src/main/services/codesets/importers/plan';
import { failureOfAsync, tempContentDb } from '../codesets/helpers';
import { FIXTURE, fileWith, fixtureText, indexSnapshot } from './helpers';

/** A database already holding the neoplasm table, so every test also proves it survives. */
async function dbWithNeoplasm() {
  const db = tempContentDb();
  await importCodeFiles(db, [fileWith(FIXTURE.neoplasm, fixtureText('neoplasm'))]);
  return db;
}

async function rejects(name: string, text: string | Buffer) {
  const db = await dbWithNeoplasm();
  const before = indexSnapshot(db);
  const failure = await failureOfAsync(() => importCodeFiles(db, [fileWith(name, text)]));
  expect(failure.code).toBe('IMPORT_FAILED');
  expect(indexSnapshot(db)).toEqual(before);
  return failure;
}

const drug = () => fixtureText('drug');

describe('bad index files', () => {
  it('refuses a truncated file, naming the line', async () => {
    const text = drug();
    const failure = await rejects(FIXTURE.drug, text.slice(0, Math.floor(text.length * 0.6)));
    expect(failure.message).toMatch(/^icd10cm-drug-April-1-2026-XML\.xml line \d+: not well-formed XML/);
  });

  it('refuses a DOCTYPE (entity expansion) without expanding it', async () => {
    const text = drug().replace('<ICD10CM.index>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<ICD10CM.index>');
    expect((await rejects(FIXTURE.drug, text)).message).toMatch(/a DOCTYPE declaration is not allowed/);
  });

  it('refuses hostile nesting (terms nested past the reader\'s depth limit)', async () => {
    const deep = Array.from({ length: 70 }, (_, i) => `<term level="${i + 1}"><title>t${i}</title>`).join('') + '</term>'.repeat(70);
    const text = fixtureText('index').replace('<code>F44.4</code>', `<code>F44.4</code>${deep}`);
    expect((await rejects(FIXTURE.index, text)).message).toMatch(/^icd10cm_index_2026\.xml line \d+: elements are nested deeper than 64 levels$/);
  });

  it('refuses a file whose root element is not ICD10CM.index (by content, whatever the name)', async () => {
    const text = drug().replace('<ICD10CM.index>', '<ICD10CM.indexx>').replace('</ICD10CM.index>', '</ICD10CM.indexx>');
    expect((await rejects(FIXTURE.drug, text)).message).toMatch(/not a code-set file CodeDesk recognises/);
    const wrongRoot = await failureOfAsync(() => indexImporter('drug').run({ db: tempContentDb(), progress: () => {} }, fileSource(fileWith(FIXTURE.drug, text))));
    expect(wrongRoot.message).toBe('icd10cm-drug-April-1-2026-XML.xml line 2: the root element is not <ICD10CM.index>');
  });

  it.each([
    ['a cell that is not a code', (t: string) => t.replace('<cell col="2">T54.2X1</cell>', '<cell col="2">John Smith</cell>'), /line 35: the cell in column 2 does not hold an ICD-10-CM code or "--"/],
    ['a cell outside the columns', (t: string) => t.replace('<cell col="7">T39.016</cell>', '<cell col="9">T39.016</cell>'), /line 22: a <cell> has a col attribute outside 2-7/],
    ['two cells for one column', (t: string) => t.replace('<cell col="3">T54.2X2</cell>', '<cell col="2">T54.2X2</cell>'), /line 36: a term has two cells for column 2/],
    ['a subterm at the wrong level', (t: string) => t.replace('<term level="1">\n        <title>aspirin', '<term level="2">\n        <title>aspirin'), /line 50: a subterm's level attribute does not match its nesting \(expected level="1"\)/],
    ['a term without a title', (t: string) => t.replace('<title>ASA</title>', ''), /: a term has no <title>/],
    ['an empty title', (t: string) => t.replace('<title>ASA</title>', '<title> </title>'), /: a term has an empty <title>/],
    ['a heading with a gap', (t: string) => t.replace('<head col="3">', '<head col="4">'), /line 7: expected heading column 3 here/],
    ['a file with no terms', (t: string) => t.replace(/<letter>[\s\S]*<\/letter>/, ''), /^icd10cm-drug-April-1-2026-XML\.xml: the file holds no index terms/],
    ['a version that is not a year', (t: string) => t.replace('<version>2026</version>', '<version>v1</version>'), /does not hold a fiscal year/],
    ['a version that contradicts the name', (t: string) => t.replace('<version>2026</version>', '<version>2025</version>'), /the file says fiscal year 2025 but its name says 2026/],
  ])('refuses %s', async (_what, spoil, message) => {
    const failure = await rejects(FIXTURE.drug, spoil(drug()));
    expect(failure.message).toMatch(message);
    expect(failure.message).not.toMatch(/John|Smith/);
  });

  it('refuses a code element that is not a code, without quoting it', async () => {
    const text = fixtureText('index').replace('<code>F44.4</code>', '<code>Jane Doe</code>');
    const failure = await rejects(FIXTURE.index, text);
    expect(failure.message).toBe('icd10cm_index_2026.xml line 7: <code> does not hold an ICD-10-CM code');
  });

  it('refuses cells in a file without a heading, and a heading in an index file', async () => {
    const cells = fixtureText('index').replace('<code>F44.4</code>', '<cell col="2">F44.4</cell>');
    expect((await rejects(FIXTURE.index, cells)).message).toMatch(/a term has <cell> elements but the file has no <indexHeading>/);
    // A heading beyond the sniffed start of an index file.
    const heading = '<indexHeading><head col="1">Term</head><head col="2">Code</head></indexHeading>';
    const late = fixtureText('index')
      .replace('<version>2026</version>', `<version>2026</version><!--${' '.repeat(5000)}-->`)
      .replace('</ICD10CM.index>', `${heading}</ICD10CM.index>`);
    expect((await rejects(FIXTURE.index, late)).message).toBe('icd10cm_index_2026.xml: an index file should not have an <indexHeading>');
  });

  it('refuses a file that is not UTF-8 (a Windows-1252 export)', async () => {
    const text = drug().replace('Acid<nemod>', 'Acid\u00e9<nemod>');
    expect((await rejects(FIXTURE.drug, Buffer.from(text, 'latin1'))).message).toBe('icd10cm-drug-April-1-2026-XML.xml: the file is not UTF-8 text');
  });

  it('refuses a file with no fiscal year anywhere before anything is written', async () => {
    const text = drug().replace('<version>2026</version>', '');
    expect((await rejects('drug-table.xml', text)).message).toMatch(/^drug-table\.xml: no fiscal year in the file/);
  });

  it('leaves nothing behind when the import dies midway, and a re-run then succeeds', async () => {
    const db = await dbWithNeoplasm();
    const before = indexSnapshot(db);
    // 5,000 generated substances: progress comes every 2,000 terms, so the throw is midway.
    const many = Array.from({ length: 5000 }, (_, i) => `<mainTerm><title>Substance ${i}</title><cell col="2">T39.011</cell></mainTerm>`).join('\n');
    const file = fileWith(FIXTURE.drug, drug().replace('<letter>\n', `<letter>\n${many}\n`));
    const crash = vi.fn((done: number, total: number) => {
      if (done < total) throw new Error('killed');
    });
    expect(() => indexImporter('drug').run({ db, progress: crash }, fileSource(file))).toThrow('killed');
    expect(crash).toHaveBeenCalledTimes(1);
    expect(crash).toHaveBeenCalledWith(2000, 5007);
    expect(indexSnapshot(db)).toEqual(before);
    await importCodeFiles(db, [file]);
    expect(db.prepare("SELECT count(*) AS n FROM index_release WHERE kind = 'drug'").get()).toEqual({ n: 1 });
  });

  it('a failed re-import keeps the release it would have replaced', async () => {
    const db = tempContentDb();
    await importCodeFiles(db, [fileWith(FIXTURE.drug, drug())]);
    const before = indexSnapshot(db);
    await failureOfAsync(() => importCodeFiles(db, [fileWith(FIXTURE.drug, drug().replace('<title>ASA</title>', ''))]));
    expect(indexSnapshot(db)).toEqual(before);
  });
});
