/** `codedesk results export` and `results decrypt` against a real workspace with submitted charts. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { must, PASSPHRASE, testApp } from '../helpers/app';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { EXPORT_PASSPHRASE, submitCoded } from '../results/helpers';
import { cliBundle } from '../helpers/cli-bundle';

const BIN = cliBundle();

function codedesk(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: PASSPHRASE, CODEDESK_EXPORT_PASSPHRASE: '', ...env },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

async function homeWithSubmitted(): Promise<string> {
  const home = tempDir();
  const app = testApp(home);
  await must(app, 'profiles.create', { displayName: 'Dana Coder', role: 'coder', passphrase: PASSPHRASE });
  await must(app, 'demo.load', {});
  await submitCoded(app, 'PF-260403');
  await submitCoded(app, 'IP-260102');
  app.close();
  return home;
}

describe('codedesk results export / decrypt', () => {
  it('exports encrypted with the passphrase from a file, and decrypts it back; plain says what plain means', async () => {
    const home = await homeWithSubmitted();
    const dir = tempDir();
    const passFile = path.join(dir, 'export-pass.txt');
    fs.writeFileSync(passFile, `${EXPORT_PASSPHRASE}\n`);
    const sealed = path.join(dir, 'claims.json.cdx');
    const out = codedesk(['--home', home, 'results', 'export', '--format', 'fhir', '--out', sealed, '--export-passphrase-file', passFile, '--json']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ format: 'fhir', charts: 2, encrypted: true, path: sealed });

    const opened = path.join(dir, 'claims.json');
    const dec = codedesk(['--home', home, 'results', 'decrypt', sealed, '--out', opened], { CODEDESK_EXPORT_PASSPHRASE: EXPORT_PASSPHRASE });
    expect(dec.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(opened, 'utf8'))).toMatchObject({ resourceType: 'Bundle', entry: [{}, {}] });

    const plain = codedesk(['--home', home, 'results', 'export', '--format', 'csv', '--out', path.join(dir, 'codes.csv'), '--plain', '--since', '2000-01-01']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/^Wrote 2 charts \(\d+ codes\) as CSV, one row per code to .*codes\.csv, PLAIN: anyone who has the file can read it\.\n$/);

    const wrong = codedesk(['--home', home, 'results', 'decrypt', sealed, '--out', path.join(dir, 'x')], { CODEDESK_EXPORT_PASSPHRASE: 'a different long passphrase' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('codedesk: Wrong passphrase, or the file was changed after it was written.\n');
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });

  it('refuses bad input with exit 2 and one line, writing nothing', async () => {
    const home = await homeWithSubmitted();
    const dir = tempDir();
    const target = path.join(dir, 'out.hl7');
    const cases: [string[], RegExp][] = [
      [['--format', 'x12', '--out', target], /--format must be one of fhir, hl7, csv/],
      [['--format', 'hl7'], /Missing --out PATH/],
      [['--format', 'hl7', '--out', target], /No export passphrase: .*--plain/],
      [['--format', 'hl7', '--out', target, '--plain', '--since', '2026-13-45x'], /since: expected a date/],
      [['--format', 'hl7', '--out', target, '--plain', '--since', '2026-09-02', '--until', '2026-09-01'], /start date is after the end date/],
      [['--format', 'hl7', '--out', target, '--plain', '--until', '2000-01-01'], /No submitted chart matches/],
    ];
    for (const [args, message] of cases) {
      const res = codedesk(['--home', home, 'results', 'export', ...args]);
      expect(res.status, args.join(' ')).toBe(2);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(message);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
