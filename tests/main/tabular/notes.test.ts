/** notesForCodes: own and inherited notes, 7th characters, manifestation, which release. */
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { notesForCodes } from '../../../src/main/services/codesets/tabular/notes';
import { tempContentDb, tempDir } from '../codesets/helpers';
import { TABULAR_XML, writeTabular } from './fixture';

async function dbWith2021() {
  const db = tempContentDb();
  await importCodeFiles(db, [writeTabular(tempDir())]);
  return db;
}

const FY2021_DATE = '2021-03-01';

describe('notesForCodes', () => {
  it('gives a code its own notes, then those of every level above, each saying where it is written', async () => {
    const notes = notesForCodes(await dbWith2021(), ['E11.65'], FY2021_DATE).get('E1165')!;
    expect(notes.notes.map((n) => [n.kind, n.from, n.inherited])).toEqual([
      ['inclusionTerm', 'E11.65', false],
      ['inclusionTerm', 'E11.65', false],
      ['codeAlso', 'E11.65', false],
      ['includes', 'E11', true],
      ['useAdditionalCode', 'E11', true],
      ['excludes1', 'E11', true],
      ['excludes1', 'E11', true],
      ['notes', '4', true],
      ['excludes1', '4', true],
    ]);
    expect(notes.notes.find((n) => n.text.startsWith('hypertensive'))?.refs).toEqual(['I10-I1A']);
    expect(notes.source).toEqual({ label: 'FY2021', fallback: false });
    expect(notes.sevenChr).toBeNull();
    expect(notes.manifestation).toBe(false);
  });

  it('applies an Excludes1 written on a category to every code below it', async () => {
    const found = notesForCodes(await dbWith2021(), ['E11.9', 'E11.42', 'E11'], FY2021_DATE);
    for (const code of ['E119', 'E1142', 'E11']) {
      const excludes = found.get(code)!.notes.filter((n) => n.kind === 'excludes1' && n.from === 'E11');
      expect(excludes.map((n) => n.refs)).toEqual([['E10.-'], ['I10-I1A']]);
      expect(excludes.every((n) => n.inherited === (code !== 'E11'))).toBe(true);
    }
  });

  it('gives a code the 7th-character definitions of its nearest ancestor that has them', async () => {
    const found = notesForCodes(await dbWith2021(), ['S72.001', 'S72', 'E11.9'], FY2021_DATE);
    expect(found.get('S72001')!.sevenChr).toEqual({
      from: 'S72',
      definitions: [
        { char: 'A', title: 'initial encounter for closed fracture' },
        { char: 'B', title: 'initial encounter for open fracture type I or II; initial encounter for open fracture NOS' },
        { char: 'S', title: 'sequela' },
      ],
    });
    expect(found.get('S72')!.sevenChr?.from).toBe('S72');
    expect(found.get('S72001')!.notes.find((n) => n.kind === 'sevenChrNote')).toMatchObject({ from: 'S72', inherited: true });
    expect(found.get('E119')!.sevenChr).toBeNull();
  });

  it('resolves 7-character codes, which the Tabular List never lists, through their base code', async () => {
    const found = notesForCodes(await dbWith2021(), ['S72.001A', 'S72.0XXA', 'E11.65XA'], FY2021_DATE);
    const s72001a = found.get('S72001A')!;
    expect(s72001a.sevenChr?.from).toBe('S72');
    expect(s72001a.notes.every((n) => n.inherited)).toBe(true);
    expect(s72001a.notes.map((n) => n.from)).toEqual(['S72.0', 'S72', '19']);
    // Placeholder X: S72.0XXA is S72.0 with the 7th character A.
    expect(found.get('S720XXA')!.notes[0]?.from).toBe('S72.0');
    // No 7th-character list applies to E11.65, so E11.65XA is not a code the Tabular List knows.
    expect(found.has('E1165XA')).toBe(false);
  });

  it('flags manifestation codes ("in diseases classified elsewhere") with their code-first note', async () => {
    const found = notesForCodes(await dbWith2021(), ['G63', 'E11.42'], FY2021_DATE);
    expect(found.get('G63')!.manifestation).toBe(true);
    expect(found.get('G63')!.notes.filter((n) => n.kind === 'codeFirst').map((n) => n.refs)).toEqual([['E85.-']]);
    expect(found.get('E1142')!.manifestation).toBe(false);
  });

  it('takes codes with or without the dot, in any case; codes the release lacks are absent', async () => {
    const found = notesForCodes(await dbWith2021(), ['e11.65', 'E1165', 'E11.A', 'K50.0'], FY2021_DATE);
    expect([...found.keys()]).toEqual(['E1165']);
  });

  it('uses the fiscal year of the date, else the newest release, marked as a fallback', async () => {
    const db = await dbWith2021();
    await importCodeFiles(db, [
      writeTabular(tempDir(), 'icd10cm_tabular_2022.xml', TABULAR_XML.replace('<version>2021</version>', '<version>2022</version>').replace('any associated condition', 'any associated condition, FY2022 wording')),
    ]);
    const codeAlso = (date: string) => notesForCodes(db, ['E11.65'], date).get('E1165')!;
    expect(codeAlso('2020-10-01').source).toEqual({ label: 'FY2021', fallback: false });
    expect(codeAlso('2020-10-01').notes.find((n) => n.kind === 'codeAlso')?.text).toBe('any associated condition (E87.2)');
    expect(codeAlso('2022-09-30').source).toEqual({ label: 'FY2022', fallback: false });
    expect(codeAlso('2022-09-30').notes.find((n) => n.kind === 'codeAlso')?.text).toContain('FY2022 wording');
    // FY2026 (from 2025-10-01) is not imported: the newest (FY2022) applies, and says so.
    expect(codeAlso('2025-10-01').source).toEqual({ label: 'FY2022', fallback: true });
    // Before any imported year: the newest too.
    expect(codeAlso('2019-05-01').source).toEqual({ label: 'FY2022', fallback: true });
  });

  it('returns nothing when no Tabular List is imported', () => {
    expect(notesForCodes(tempContentDb(), ['E11.65'], FY2021_DATE).size).toBe(0);
  });

  it('sees a re-imported release at once (no stale cache) and hands out copies', async () => {
    const db = await dbWith2021();
    const first = notesForCodes(db, ['E11.65'], FY2021_DATE).get('E1165')!;
    first.notes.length = 0;
    expect(notesForCodes(db, ['E11.65'], FY2021_DATE).get('E1165')!.notes).toHaveLength(9);
    await importCodeFiles(db, [writeTabular(tempDir(), 'icd10cm_tabular_2021.xml', TABULAR_XML.replace('any associated condition', 'any condition'))]);
    expect(notesForCodes(db, ['E11.65'], FY2021_DATE).get('E1165')!.notes.find((n) => n.kind === 'codeAlso')?.text).toBe('any condition (E87.2)');
  });
});
