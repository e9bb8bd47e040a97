/**
 * Each file is imported whole or not at all; when a later file of the same import fails, the
 * failure names the files already imported (the Code sets screen says what did change).
 */
import { describe, expect, it } from 'vitest';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import { listVersions } from '../../../src/main/services/codesets/versions';
import { CM_2025, PCS_2026, failureOfAsync, orderFileText, tempContentDb, tempDir, writeFile, writeOrderFile } from './helpers';

describe('a failure midway through an import', () => {
  it('names the files imported whole before it and keeps nothing of the failing file', async () => {
    const db = tempContentDb();
    const folder = tempDir();
    writeOrderFile(folder, 'icd10cm_order_2024.txt', CM_2025);
    const lines = orderFileText(PCS_2026).split('\r\n');
    const last = lines.length - 2;
    lines[last] = `${lines[last]!.slice(0, 14)}X${lines[last]!.slice(15)}`;
    writeFile(folder, 'icd10pcs_order_2024.txt', lines.join('\r\n'));

    const failure = await failureOfAsync(() => importCodeFiles(db, [folder], undefined, { allowUnverified: true }));
    expect(failure.detail).toMatchObject({ file: 'icd10pcs_order_2024.txt', line: last + 1, importedBefore: 'icd10cm_order_2024.txt' });
    expect(listVersions(db).map((v) => `${v.system} ${v.label}`)).toEqual(['icd10cm FY2024']);
  });
});
