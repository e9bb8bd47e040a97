/** codes.tableSearch over the Drug and Neoplasm fixtures: word prefixes in any order, best first. */
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { searchIndexTable } from '../../../src/main/services/codesets/alphabetic-index/table-search';
import { failureOf, tempContentDb } from '../codesets/helpers';
import { FIXTURE, fileWith, fixtureText } from './helpers';

async function dbWithTables() {
  const db = tempContentDb();
  await importCodeFiles(db, [fileWith(FIXTURE.drug, fixtureText('drug')), fileWith(FIXTURE.neoplasm, fixtureText('neoplasm'))]);
  return db;
}

const paths = (r: { rows: { path: string[] }[] }) => r.rows.map((row) => row.path.join(' > '));

describe('searchIndexTable', () => {
  it('finds a substance with its six columns, main-term match first, then the subterm match', async () => {
    const db = await dbWithTables();
    const result = searchIndexTable(db, { table: 'drug', query: 'aspirin', limit: 50 });
    expect(result.table).toBe('drug');
    expect(result.source).toBe('ICD-10-CM Table of Drugs and Chemicals FY2026 (April)');
    expect(result.columns).toEqual([
      'Poisoning Accidental (unintentional)',
      'Poisoning Intentional self-harm',
      'Poisoning Assault',
      'Poisoning Undetermined',
      'Adverse effect',
      'Underdosing',
    ]);
    expect(paths(result)).toEqual(['Aspirin (aluminum) (soluble)', 'Aluminium, aluminum > aspirin']);
    expect(result.rows[0]!.cells).toEqual(['T39.011', 'T39.012', 'T39.013', 'T39.014', 'T39.015', 'T39.016']);
  });

  it('matches word prefixes in any order, across the levels of the path', async () => {
    const db = await dbWithTables();
    expect(paths(searchIndexTable(db, { table: 'drug', query: 'ent acetyl', limit: 50 }))).toEqual([
      'Acetylsalicylic acid (salts) > enteric coated',
    ]);
    expect(paths(searchIndexTable(db, { table: 'drug', query: 'ALUM', limit: 50 }))).toEqual([
      'Aluminium, aluminum',
      'Aspirin (aluminum) (soluble)',
      'Aluminium, aluminum > aspirin',
    ]);
  });

  it('ranks the matching term before the subterms under it, and a shallower match first', async () => {
    const db = await dbWithTables();
    const lung = searchIndexTable(db, { table: 'neoplasm', query: 'lung', limit: 50 });
    expect(paths(lung)).toEqual([
      'Neoplasm, neoplastic > lung',
      'Neoplasm, neoplastic > lung > azygos lobe',
      'Neoplasm, neoplastic > bronchus > lower lobe of lung',
    ]);
    expect(lung.rows[0]!.cells).toEqual(['C34.9-', 'C78.0-', 'D02.2-', 'D14.3-', 'D38.1', 'D49.1']);
    expect(lung.columns[0]).toBe('Malignant Primary');
  });

  it('gives null cells for "-" and "--", and honours the limit', async () => {
    const db = await dbWithTables();
    expect(searchIndexTable(db, { table: 'neoplasm', query: 'kidney', limit: 50 }).rows[0]!.cells[2]).toBeNull();
    expect(searchIndexTable(db, { table: 'drug', query: 'acid', limit: 50 }).rows.find((r) => r.path[0] === 'Acid (corrosive) NEC')!.cells).toEqual([
      'T54.2X1', 'T54.2X2', 'T54.2X3', 'T54.2X4', null, null,
    ]);
    expect(searchIndexTable(db, { table: 'drug', query: 'a', limit: 2 }).rows).toHaveLength(2);
  });

  it('an empty query lists the table from the top; a word that matches nothing gives no rows', async () => {
    const db = await dbWithTables();
    expect(paths(searchIndexTable(db, { table: 'drug', query: '  ', limit: 2 }))).toEqual([
      'Acetylsalicylic acid (salts)',
      'Acetylsalicylic acid (salts) > enteric coated',
    ]);
    expect(searchIndexTable(db, { table: 'drug', query: 'aspirin zzz', limit: 50 }).rows).toEqual([]);
    // Punctuation and odd characters are word breaks, not syntax.
    expect(searchIndexTable(db, { table: 'drug', query: '"asp*" (', limit: 50 }).rows).toHaveLength(2);
  });

  it('uses the newest imported release', async () => {
    const db = await dbWithTables();
    const october = fixtureText('drug').replace('<title>ASA</title>', '<title>ASA tablet</title>');
    await importCodeFiles(db, [fileWith('icd10cm-drug-2026.xml', october)]);
    const result = searchIndexTable(db, { table: 'drug', query: 'asa', limit: 50 });
    expect(result.source).toBe('ICD-10-CM Table of Drugs and Chemicals FY2026 (April)');
    expect(paths(result)).toEqual(['ASA']);
  });

  it('says which file to import when the table is missing', async () => {
    const db = tempContentDb();
    await importCodeFiles(db, [fileWith(FIXTURE.drug, fixtureText('drug'))]);
    const failure = failureOf(() => searchIndexTable(db, { table: 'neoplasm', query: 'lung', limit: 50 }));
    expect(failure.code).toBe('NO_CODE_SET');
    expect(failure.message).toBe('No Neoplasm Table has been imported yet: import the ICD-10-CM neoplasm table XML first.');
  });

  it('sees a re-imported release at once (the in-memory word index follows the release id)', async () => {
    const db = await dbWithTables();
    expect(paths(searchIndexTable(db, { table: 'drug', query: 'asa', limit: 50 }))).toEqual(['ASA']);
    await importCodeFiles(db, [fileWith(FIXTURE.drug, fixtureText('drug').replace('<title>ASA</title>', '<title>ASA tablet</title>'))]);
    expect(paths(searchIndexTable(db, { table: 'drug', query: 'asa', limit: 50 }))).toEqual(['ASA tablet']);
    expect(paths(searchIndexTable(db, { table: 'drug', query: 'tabl', limit: 50 }))).toEqual(['ASA tablet']);
  });

  it('ranks any set of matches the same as sorting them by (match level, depth below it, title words, table order)', async () => {
    const db = await dbWithTables();
    for (const query of ['a', 'ac', 'lung', 'neo', 'lo', 'acid', 'c']) {
      for (const table of ['drug', 'neoplasm'] as const) {
        const all = searchIndexTable(db, { table, query, limit: 200 }).rows.map((r) => r.path);
        // The rank is a function of the path alone: recompute it and check the order.
        const rank = (path: string[]) => {
          const words = path.map((t) => t.toLowerCase().replace(/['\u2019]/g, '').split(/[^a-z0-9]+/).filter(Boolean));
          const hit = words.findIndex((ws) => ws.some((w) => w.startsWith(query)));
          return [hit, path.length - 1 - hit, words[words.length - 1]!.length];
        };
        const ranks = all.map(rank);
        for (let i = 1; i < ranks.length; i++) {
          const [a, b] = [ranks[i - 1]!, ranks[i]!];
          const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
          expect(cmp).toBeLessThanOrEqual(0);
        }
      }
    }
  });
});
