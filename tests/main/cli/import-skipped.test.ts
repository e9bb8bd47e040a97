/** `codedesk codes import FOLDER` prints every file of the folder: imported, or skipped with why. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CM_2025, writeFile, writeOrderFile } from '../codesets/helpers';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { cliBundle } from '../helpers/cli-bundle';

describe('codedesk codes import of a folder', () => {
  it('prints the skipped files with their reasons after the imported ones', () => {
    const folder = tempDir();
    writeOrderFile(folder, 'icd10cm_order_2024.txt', CM_2025);
    writeFile(folder, 'ReadMe.txt', 'about these files\n');
    const res = spawnSync(process.execPath, [cliBundle(), '--home', tempDir(), 'codes', 'import', folder, '--allow-unverified'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: '' },
    });
    expect(res.status).toBe(0);
    expect(res.stdout.split('\n').slice(0, 2)).toEqual([
      'icd10cm_order_2024.txt: icd10cm FY2024, 30 codes (unverified: matches no known official release)',
      'ReadMe.txt: skipped, a read-me, not a code-set file',
    ]);
  });
});
