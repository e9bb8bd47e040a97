/** `codedesk codes show CODE [--system S] [--date D] [--json]` through the real CLI. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../helpers/import-fixtures';
import { contentDbPath } from '../../../src/main/paths';
import { CM_2026, writeOrderFile } from '../codesets/helpers';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { writeTabular } from './fixture';
import { cliBundle } from '../helpers/cli-bundle';

const BIN = cliBundle();

function codedesk(args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: '' },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('codedesk codes show', () => {
  const home = tempDir();

  it('prints the CodeDetail as JSON, text for people, and refuses bad input with exit 2', async () => {
    const dir = tempDir();
    const files = [writeOrderFile(dir, 'icd10cm_order_2026.txt', CM_2026), writeTabular(dir)];
    // Imported in-process (codes import is tested with the import command's own tests).
    const db = openContentDb(contentDbPath(home));
    await importCodeFiles(db, files);
    closeContentDb(db);

    const json = codedesk(['--home', home, 'codes', 'show', 'e1165', '--date', '2026-01-15', '--json']);
    expect(json.status).toBe(0);
    const detail = JSON.parse(json.stdout);
    expect(detail).toMatchObject({ system: 'icd10cm', code: 'E11.65', billable: true, notesSource: { label: 'FY2021', fallback: true } });
    expect(detail.hierarchy.map((h: { code: string }) => h.code)).toEqual(['4', 'E08-E13', 'E11', 'E11.6']);
    expect(detail.notes.some((n: { kind: string; from: string }) => n.kind === 'excludes1' && n.from === 'E11')).toBe(true);

    const text = codedesk(['--home', home, 'codes', 'show', 'S72.001A', '--system', 'icd10cm']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^S72\.001A {2}Fracture of unspecified part of neck of right femur, initial encounter for closed fracture$/m);
    expect(text.stdout).toMatch(/^7th characters \(from S72\):$/m);
    expect(text.stdout).toMatch(/^ {2}A {2}initial encounter for closed fracture$/m);

    const unknown = codedesk(['--home', home, 'codes', 'show', 'K50.0', '--system', 'icd10cm']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim()).toMatch(/^codedesk: K50\.0 is not an ICD-10-CM code/);
    expect(codedesk(['--home', home, 'codes', 'show']).status).toBe(2);
    expect(codedesk(['--home', home, 'codes', 'show', 'E11.65', '--system', 'icd9']).stderr).toMatch(/--system must be one of/);
    expect(codedesk(['--home', home, 'codes', 'show', 'E11.65', '--date', '2026-02-30']).status).toBe(2);
  });
});
