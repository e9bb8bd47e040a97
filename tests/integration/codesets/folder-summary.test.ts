/**
 * A folder import accounts for every file in the folder: each is imported or skipped with its
 * reason (the conversion table, read-mes, MS-DRG appendices, hidden files, broken links); a
 * folder of links to the downloads imports the files linked. The CLI and the Code sets screen
 * both print this summary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import { listVersions } from '../../../src/main/services/codesets/versions';
import { CODESETS, tempDir } from '../../main/helpers/temp';

const linked = {
  'icd10cm_order_2026.txt': path.join(CODESETS, 'icd10cm', 'icd10cm_order_2026.txt'),
  'ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx': path.join(CODESETS, 'icd10cm', 'ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx'),
  'ReadMePOAexemptFY26.txt': path.join(CODESETS, 'poa', 'ReadMePOAexemptFY26.txt'),
  'appendix_A.txt': path.join(CODESETS, 'msdrg', 'v42', 'appendix_A.txt'),
  'README.md': path.join(CODESETS, 'README.md'),
};

describe('a folder import', () => {
  it('imports the files it knows and lists every other file with the reason it was skipped', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'downloads');
    fs.mkdirSync(folder);
    for (const [name, target] of Object.entries(linked)) fs.symlinkSync(target, path.join(folder, name));
    fs.writeFileSync(path.join(folder, '.DS_Store'), 'x');
    fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(folder, 'moved.txt'));
    const db = openContentDb(path.join(dir, 'content.db'));
    try {
      const summary = await importCodeFiles(db, [folder]);
      expect(summary.files.map((f) => [path.basename(f.path), f.system, f.label, f.codes, f.release])).toEqual([
        ['icd10cm_order_2026.txt', 'icd10cm', 'FY2026', 98_186, 'ICD-10-CM FY2026 order file'],
      ]);
      const skipped = Object.fromEntries(summary.skipped.map((s) => [path.basename(s.path), s.reason]));
      expect(skipped).toEqual({
        '.DS_Store': 'a hidden file',
        'ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx':
          'the ICD-10-CM conversion table is not imported: code changes come from the order files and their addenda',
        'README.md': 'a read-me, not a code-set file',
        'ReadMePOAexemptFY26.txt': 'a read-me, not a code-set file',
        'appendix_A.txt': 'MS-DRG Definitions Manual appendices are not imported: CodeDesk does not group MS-DRGs',
        'moved.txt': 'a link to a file that does not exist',
      });
      expect(summary.files.length + summary.skipped.length).toBe(fs.readdirSync(folder).length);
      expect(listVersions(db).map((v) => `${v.system} ${v.label}`)).toEqual(['icd10cm FY2026']);
    } finally {
      closeContentDb(db);
    }
  }, 180_000);

  it('says which file was not recognised in a folder of official files CodeDesk does not import', async () => {
    const db = openContentDb(path.join(tempDir(), 'content.db'));
    try {
      await expect(importCodeFiles(db, [path.join(CODESETS, 'msdrg')])).rejects.toThrow('msdrg: the folder holds no code-set file CodeDesk can import');
    } finally {
      closeContentDb(db);
    }
  });
});
