/**
 * CLI manners (issue 11, item 10): `claim check` exits 3 when a finding is an error (0 clean or
 * warnings only, 2 bad input), and stderr carries no log lines unless --verbose asks for them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDbPath } from '../../../src/main/paths';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { writeFile, writeOrderFile } from '../codesets/helpers';
import { importCodeFiles } from '../helpers/import-fixtures';
import { PASSPHRASE } from '../helpers/app';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { cliBundle } from '../helpers/cli-bundle';

const BIN = cliBundle();

/** No CODEDESK_LOG here: what a user's shell gives. */
function codedesk(args: string[], env: Record<string, string> = {}) {
  const base: Record<string, string | undefined> = { ...process.env, CODEDESK_PASSPHRASE: '', ...env };
  delete base.CODEDESK_LOG;
  const res = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: base });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

async function homeWithCodes(): Promise<string> {
  const home = path.join(tempDir(), 'home');
  const files = tempDir();
  writeOrderFile(files, 'icd10cm_order_2026.txt', [
    ['E11', 0, 'Type 2 diabetes mellitus'],
    ['E119', 1, 'Type 2 diabetes mellitus without complications'],
    ['I10', 1, 'Essential (primary) hypertension'],
  ]);
  fs.mkdirSync(home);
  const db = openContentDb(contentDbPath(home));
  await importCodeFiles(db, [files]);
  closeContentDb(db);
  return home;
}

const claim = (diagnoses: { code: string }[], procedures: unknown[] = []) =>
  JSON.stringify({ setting: 'professional', dateOfService: '2026-05-01', patient: { age: 50, sex: 'F' }, diagnoses, procedures });

describe('codedesk claim check exit status', () => {
  it('0 when clean or warnings only, 3 with an error finding (findings still printed), 2 for a malformed claim', async () => {
    const home = await homeWithCodes();
    const dir = tempDir();
    const clean = codedesk(['--home', home, 'claim', 'check', writeFile(dir, 'clean.json', claim([{ code: 'E11.9' }, { code: 'I10' }]))]);
    expect(clean).toMatchObject({ status: 0, stderr: '', stdout: 'No findings.\n' });

    // A CPT code with no CPT file imported: a warning, and a note naming the edits that could not
    // run (no MUE or add-on table here); neither changes the exit status.
    const warned = codedesk(['--home', home, 'claim', 'check', writeFile(dir, 'warn.json', claim([{ code: 'I10' }], [{ code: '99213', pointers: ['A'] }])), '--json']);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toBe('');
    expect(JSON.parse(warned.stdout).findings.map((f: { severity: string }) => f.severity)).toEqual(['warning', 'note']);

    const bad = codedesk(['--home', home, 'claim', 'check', writeFile(dir, 'header.json', claim([{ code: 'E11' }])), '--json']);
    expect(bad.status).toBe(3);
    expect(JSON.parse(bad.stdout).findings[0]).toMatchObject({ edit: 'code.not-billable', severity: 'error' });
    expect(bad.stderr).toBe('codedesk: The claim has 1 error finding(s).\n');

    const malformed = codedesk(['--home', home, 'claim', 'check', writeFile(dir, 'bad.json', '{"setting": "clinic"}')]);
    expect(malformed.status).toBe(2);
    expect(malformed.stdout).toBe('');
  });
});

describe('codedesk stderr', () => {
  it('carries no log lines (api.slow) without --verbose; --verbose shows them', () => {
    const home = tempDir();
    const quiet = codedesk(['--home', home, 'workspace', 'create', '--user', 'Dana', '--role', 'coder', '--json'], { CODEDESK_PASSPHRASE: PASSPHRASE });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    // Unlocking derives the key with scrypt: slower than the 250 ms the log calls slow.
    const verbose = codedesk(['--home', home, '--verbose', 'audit', 'verify'], { CODEDESK_PASSPHRASE: PASSPHRASE });
    expect(verbose.status).toBe(0);
    expect(verbose.stderr).toMatch(/"event":"api\.slow","method":"session\.unlock"/);
    const plain = codedesk(['--home', home, 'audit', 'verify'], { CODEDESK_PASSPHRASE: PASSPHRASE });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/Audit trail intact/);
    expect(plain.stderr).toBe('');
  });
});
