/** The word index follows the content database: a re-imported or new version is searched as it is now. */
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { hasFreshWordIndex, wordIndexOf } from '../../../src/main/services/codesets/search/word-index-cache';
import { requireVersion } from '../../../src/main/services/codesets/versions';
import { CM_2025, CM_2026, tempContentDb, tempDir, writeOrderFile, type Row } from '../codesets/helpers';

const codes = (hits: { code: string }[]) => hits.map((h) => h.code);
const search = (db: ReturnType<typeof tempContentDb>, query: string, date = '2026-01-15') =>
  codes(searchCodes(db, { query, system: 'icd10cm', date, limit: 10 }));

describe('word index freshness', () => {
  it('rebuilds a version that is imported again, so its new titles are found and its old ones are not', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2026.txt', [...CM_2026, ['Z99', 0, 'Dependence on machines'], ['Z9991', 1, 'Zebra bite']])]);
    expect(search(db, 'zebra')).toEqual(['Z99.91']);
    const before = requireVersion(db, 'icd10cm', '2026-01-15');
    expect(hasFreshWordIndex(db, before)).toBe(true);

    const again: Row[] = [...CM_2026, ['Z99', 0, 'Dependence on machines'], ['Z9991', 1, 'Quagga bite']];
    await importCodeFiles(db, [writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', again)]);
    const after = requireVersion(db, 'icd10cm', '2026-01-15');
    expect(after.id).toBe(before.id);
    expect(hasFreshWordIndex(db, after)).toBe(false);
    expect(search(db, 'quagga')).toEqual(['Z99.91']);
    expect(search(db, 'zebra')).toEqual([]);
    expect(hasFreshWordIndex(db, after)).toBe(true);
  });

  it('builds a separate index for each version, and the date picks which one is searched', async () => {
    const db = tempContentDb();
    const dir = tempDir();
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2026.txt', [...CM_2026, ['Z99', 0, 'Dependence on machines'], ['Z9991', 1, 'Zebra bite']])]);
    expect(search(db, 'zebra')).toEqual(['Z99.91']);
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2025.txt', [...CM_2025, ['Z99', 0, 'Dependence on machines'], ['Z9992', 1, 'Zebra kick']])]);
    expect(search(db, 'zebra', '2025-06-01')).toEqual(['Z99.92']);
    expect(search(db, 'zebra')).toEqual(['Z99.91']);
    const v2025 = requireVersion(db, 'icd10cm', '2025-06-01');
    const v2026 = requireVersion(db, 'icd10cm', '2026-01-15');
    expect(wordIndexOf(db, v2025)).not.toBe(wordIndexOf(db, v2026));
  });
});
