/** `codedesk claim check FILE.json [--json]`: findings as JSON (exit 3 with errors); a malformed claim exits 2 with one line. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDbPath } from '../../../src/main/paths';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../helpers/import-fixtures';
import { REPO_ROOT } from '../helpers/temp';
import { tempDir, writeFile, writeOrderFile } from '../codesets/helpers';
import { POA_LIST } from './fixtures';
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

const CLAIM = {
  setting: 'inpatient',
  dateOfService: '2026-05-01',
  patient: { age: 70, sex: 'F' },
  diagnoses: [{ code: 'J18.9', poa: 'Y', principal: true }, { code: 'I50.9' }, { code: 'E11' }],
  procedures: [],
};

describe('codedesk claim check', () => {
  it('prints the findings as JSON with edit, severity, codes, message and source', async () => {
    const home = path.join(tempDir(), 'home');
    const files = tempDir();
    writeOrderFile(files, 'icd10cm_order_2026.txt', [
      ['E11', 0, 'Type 2 diabetes mellitus'],
      ['E119', 1, 'Type 2 diabetes mellitus without complications'],
      ['I50', 0, 'Heart failure'],
      ['I509', 1, 'Heart failure, unspecified'],
      ['J18', 0, 'Pneumonia, unspecified organism'],
      ['J189', 1, 'Pneumonia, unspecified organism'],
    ]);
    writeFile(files, 'POAexemptCodesFY26.txt', POA_LIST);
    // Imported in-process: synthetic files under official names (codes import is tested with its own command's tests).
    fs.mkdirSync(home);
    const db = openContentDb(contentDbPath(home));
    await importCodeFiles(db, [files]);
    closeContentDb(db);
    const claimFile = writeFile(tempDir(), 'claim.json', JSON.stringify(CLAIM));
    const out = codedesk(['--home', home, 'claim', 'check', claimFile, '--json']);
    // Findings with errors: exit 3, the findings on stdout, one line on stderr.
    expect(out.stderr).toBe('codedesk: The claim has 3 error finding(s).\n');
    expect(out.status).toBe(3);
    const { findings } = JSON.parse(out.stdout);
    expect(findings).toEqual([
      { edit: 'code.not-billable', severity: 'error', codes: ['E11'], message: expect.stringContaining('header'), source: 'ICD-10-CM order file icd10cm_order_2026.txt (FY2026)' },
      { edit: 'poa.missing', severity: 'error', codes: ['I50.9'], message: expect.any(String), source: 'POAexemptCodesFY26.txt (POA exempt FY2026)' },
      { edit: 'poa.missing', severity: 'error', codes: ['E11'], message: expect.any(String), source: 'POAexemptCodesFY26.txt (POA exempt FY2026)' },
      { edit: 'edits.not-run', severity: 'note', codes: [], message: expect.stringContaining('Not run: MCE edits (no table imported)'), source: 'no edit table imported' },
    ]);
    const text = codedesk(['--home', home, 'claim', 'check', claimFile]);
    expect(text.stdout).toContain('error   code.not-billable  E11');
  });

  it('malformed JSON, a claim that breaks the schema, and a missing file each exit 2 with one line', async () => {
    const home = path.join(tempDir(), 'home');
    const dir = tempDir();
    const cases = [
      [writeFile(dir, 'broken.json', '{"setting": "inpatient",'), 'broken.json is not valid JSON.'],
      [writeFile(dir, 'schema.json', JSON.stringify({ ...CLAIM, setting: 'clinic' })), 'Invalid input for claim.check: setting'],
      [writeFile(dir, 'date.json', JSON.stringify({ ...CLAIM, dateOfService: '2026-02-30' })), 'Expected a real date as YYYY-MM-DD.'],
      [path.join(dir, 'nope.json'), 'nope.json cannot be read.'],
    ] as const;
    for (const [file, reason] of cases) {
      const out = codedesk(['--home', home, 'claim', 'check', file, '--json']);
      expect(out.status).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toContain(reason);
    }
  });
});
