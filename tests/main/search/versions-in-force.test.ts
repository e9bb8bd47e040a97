/** One read of every system's version picks what versionFor picks per system, demo fallback included. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_SYSTEMS } from '../../../src/shared/domain';
import { loadDemoCodes } from '../../../src/main/services/codesets/demo-codes';
import { importCodeFiles } from '../helpers/import-fixtures';
import { versionsInForce } from '../../../src/main/services/codesets/search/versions-in-force';
import { versionFor } from '../../../src/main/services/codesets/versions';
import { CM_2025, CM_2026, PCS_2026, tempContentDb, tempDir, writeOrderFile } from '../codesets/helpers';

describe('versionsInForce', () => {
  it('agrees with versionFor for every system, on any date and without one', async () => {
    const db = tempContentDb();
    const dates = [undefined, '2020-01-01', '2024-10-01', '2025-06-01', '2025-09-30', '2025-10-01', '2026-01-15', '2031-01-01'];
    const check = () => {
      for (const date of dates) {
        const perSystem = CODE_SYSTEMS.map((s) => versionFor(db, s, date)).filter((v) => v !== null);
        expect(versionsInForce(db, date), String(date)).toEqual(perSystem);
      }
    };
    check();
    loadDemoCodes(db, path.resolve('resources', 'demo', 'codes'));
    check();
    const dir = tempDir();
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2025.txt', CM_2025), writeOrderFile(dir, 'icd10pcs_order_2026.txt', PCS_2026)]);
    check();
    await importCodeFiles(db, [writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026)]);
    check();
    expect(versionsInForce(db, '2026-01-15').map((v) => [v.system, v.isDemo])).toContainEqual(['icd10cm', false]);
  });
});
