import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CM_2025, writeOrderFile } from '../codesets/helpers';
import { PASSPHRASE } from '../helpers/app';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { cliBundle } from '../helpers/cli-bundle';

const BIN = cliBundle();

function codedesk(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: '', ...env },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('codedesk CLI', () => {
  it('refuses an unknown command and malformed arguments with exit 2 and one line on stderr', () => {
    const home = tempDir();
    const unknown = codedesk(['--home', home, 'charts', 'explode']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/Unknown command "charts explode"/);
    const badFlag = codedesk(['--home', home, 'codes', 'search', 'diabetes', '--limit', 'many']);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toMatch(/--limit must be a whole number/);
    const unknownFlag = codedesk(['--home', home, 'codes', 'search', 'x', '--frobnicate']);
    expect(unknownFlag.status).toBe(2);
    expect(codedesk(['--home', home, 'codes', 'search', 'x', '--system', 'icd9']).status).toBe(2);
  });

  it('creates a workspace with the passphrase from the environment or a file, and rejects a short one', () => {
    const home = tempDir();
    const short = codedesk(['--home', home, 'workspace', 'create', '--user', 'Dana', '--role', 'coder'], { CODEDESK_PASSPHRASE: 'short' });
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    expect(fs.existsSync(path.join(home, 'profiles')) ? fs.readdirSync(path.join(home, 'profiles')).filter((f) => !f.startsWith('.')) : []).toEqual([]);
    const none = codedesk(['--home', home, 'workspace', 'create', '--user', 'Dana']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/CODEDESK_PASSPHRASE/);
    const file = path.join(home, 'pass.txt');
    fs.writeFileSync(file, `${PASSPHRASE}\n`);
    const created = codedesk(['--home', home, 'workspace', 'create', '--user', 'Dana', '--role', 'coder', '--passphrase-file', file, '--json']);
    expect(created.status).toBe(0);
    const out = JSON.parse(created.stdout);
    expect(out.profile).toMatchObject({ displayName: 'Dana', role: 'coder' });
    expect(out.recoveryKey).toMatch(/^[A-Z2-7]{5}(-[A-Z2-7]{5})+$/);
    const verify = codedesk(['--home', home, 'audit', 'verify'], { CODEDESK_PASSPHRASE: PASSPHRASE });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/Audit trail intact/);
    const wrong = codedesk(['--home', home, 'audit', 'verify'], { CODEDESK_PASSPHRASE: 'not the right passphrase' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim()).toBe('codedesk: Wrong passphrase.');
  });

  it('imports an order file into a home folder it creates, and searches it as JSON, best first, codes dotted', () => {
    const home = path.join(tempDir(), 'first-run-home');
    // Synthetic, under a name no known release has: it needs --allow-unverified.
    const file = writeOrderFile(tempDir(), 'icd10cm_order_2024.txt', CM_2025);
    const refused = codedesk(['--home', home, 'codes', 'import', file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^codedesk: icd10cm_order_2024\.txt: the file matches no official release .*--allow-unverified/);
    const imported = codedesk(['--home', home, 'codes', 'import', file, '--allow-unverified', '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ totalCodes: CM_2025.length, files: [{ system: 'icd10cm', label: 'FY2024', verified: false }] });
    const text = codedesk(['--home', home, 'codes', 'import', file, '--allow-unverified']);
    expect(text.stdout).toContain('icd10cm_order_2024.txt: icd10cm FY2024, 30 codes (replaced) (unverified: matches no known official release)');
    const search = codedesk(['--home', home, 'codes', 'search', 'e11.2', '--system', 'icd10cm', '--limit', '3', '--json']);
    expect(search.status).toBe(0);
    const out = JSON.parse(search.stdout);
    expect(Object.keys(out)).toEqual(['query', 'results']);
    expect(out.query).toBe('e11.2');
    expect(out.results[0]).toEqual({ system: 'icd10cm', code: 'E11.2', title: 'Type 2 diabetes mellitus with kidney complications', billable: false });
    expect(out.results.map((r: { code: string }) => r.code)).toEqual(['E11.2', 'E11.21', 'E11.22']);
  });

  it('rejects a bad import naming the file, line and reason, keeping what was there', () => {
    const home = tempDir();
    const good = writeOrderFile(tempDir(), 'icd10cm_order_2024.txt', CM_2025);
    expect(codedesk(['--home', home, 'codes', 'import', good, '--allow-unverified']).status).toBe(0);
    const dir = tempDir();
    const bad = path.join(dir, 'icd10cm_order_2023.txt');
    fs.writeFileSync(bad, fs.readFileSync(good, 'utf8').replace(/^(00003 A009    )1/m, '$1X'));
    const res = codedesk(['--home', home, 'codes', 'import', bad, '--allow-unverified']);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/icd10cm_order_2023\.txt line 3/);
    const search = JSON.parse(codedesk(['--home', home, 'codes', 'search', 'cholera', '--json']).stdout);
    expect(search.results.length).toBeGreaterThan(0);
    expect(codedesk(['--home', home, 'codes', 'import', path.join(dir, 'missing.txt')]).status).toBe(2);
  });
});
