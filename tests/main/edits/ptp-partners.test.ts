/** Partner lists of PTP files: what they hold, when the checker uses them, and when it cannot. */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PTP_PARTNERS_SCHEMA_SQL } from '../../../src/main/services/codesets/schema/ptp-partners';
import { listHolds, partnerLists } from '../../../src/main/services/edits/ptp-partners';
import { check, dropEditsDb, editsDb, ids, type Db } from './setup';

const code = fc.stringMatching(/^[0-9A-Z]{5}$/);

describe('listHolds', () => {
  it('finds exactly the codes of a sorted list of 5-character codes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(code, { maxLength: 60 }), fc.array(code, { maxLength: 10 }), (listed, others) => {
        const sorted = [...listed].sort();
        const list = sorted.join('');
        for (const c of [...listed, ...others]) expect(listHolds(list, c)).toBe(listed.includes(c));
      }),
    );
  });

  it('holds no code of another length (the importer takes only 5 characters)', () => {
    expect(listHolds('1104211045', '1104')).toBe(false);
    expect(listHolds('1104211045', '110421')).toBe(false);
    expect(listHolds('', '11042')).toBe(false);
  });
});

describe('partner lists in the database', () => {
  let db: Db;
  let ptpFile: number;
  beforeEach(async () => {
    db = await editsDb();
    ptpFile = db.prepare("SELECT id FROM edit_file WHERE kind = 'ptp' AND variant = 'practitioner'").pluck().get() as number;
  });
  afterEach(() => dropEditsDb(db));

  const pro = (codes: readonly string[]) => check(db, { setting: 'professional', diagnoses: [{ code: 'I10' }], procedures: codes.map((c) => ({ code: c })) });

  it('the importer writes a marker and the lists; indicator-9 rows are left out', () => {
    const lists = partnerLists(db, ptpFile, ['20610', '93306', '99213', '11042', '36415']);
    // 99213-11055 has a row (ended in 2020); 11042-11055 is indicator 9 only.
    expect(lists).toEqual(new Map([['20610', '36415'], ['93306', '93000'], ['99213', '11055']]));
  });

  it('the checker goes by the lists: a pair a list does not hold is not sought', async () => {
    const claim = () => ids(pro(['93306', '93000', '20610', '36415']));
    expect(claim()).toEqual(['ncci.ptp 20610,36415', 'ncci.ptp 93306,93000']);
    const fresh = await editsDb();
    try {
      const id = fresh.prepare("SELECT id FROM edit_file WHERE kind = 'ptp' AND variant = 'practitioner'").pluck().get() as number;
      fresh.prepare("UPDATE ptp_partners SET col2s = '' WHERE file_id = ? AND col1 = '93306'").run(id);
      expect(ids(check(fresh, { setting: 'professional', diagnoses: [{ code: 'I10' }], procedures: ['93306', '93000', '20610', '36415'].map((c) => ({ code: c })) }))).toEqual([
        'ncci.ptp 20610,36415',
      ]);
    } finally {
      dropEditsDb(fresh);
    }
  });

  it('a file without a marker has no lists: every pair is sought, and nothing is missed', () => {
    db.exec("DELETE FROM ptp_partners WHERE col1 = ''");
    expect(partnerLists(db, ptpFile, ['20610'])).toBeNull();
    expect(ids(pro(['93306', '93000', '20610', '36415']))).toEqual(['ncci.ptp 20610,36415', 'ncci.ptp 93306,93000']);
  });

  it('the migration writes lists for PTP files imported before it', () => {
    db.exec('DROP TABLE ptp_partners');
    db.exec(PTP_PARTNERS_SCHEMA_SQL);
    expect(partnerLists(db, ptpFile, ['20610', '93306', '99213'])).toEqual(new Map([['20610', '36415'], ['93306', '93000'], ['99213', '11055']]));
  });

  it('replacing a PTP file drops its lists with its rows (cascade)', () => {
    db.prepare('DELETE FROM edit_file WHERE id = ?').run(ptpFile);
    expect(db.prepare('SELECT count(*) FROM ptp_partners WHERE file_id = ?').pluck().get(ptpFile)).toBe(0);
  });
});
