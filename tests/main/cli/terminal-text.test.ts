/** The CLI never prints raw control sequences taken from data: text and JSON output alike. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { jsonSafe, terminalSafe } from '../../../src/main/cli/terminal-text';
import { contentDbPath } from '../../../src/main/paths';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { CM_2026, writeOrderFile } from '../codesets/helpers';
import { importCodeFiles } from '../helpers/import-fixtures';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { cliBundle } from '../helpers/cli-bundle';

const ESC_TITLE = 'Cholera \u001b[2J\u001b]0;owned\u0007 due to \u009b31m Vibrio \u202e cholerae';
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function codedesk(home: string, args: string[]) {
  const res = spawnSync(process.execPath, [cliBundle(), '--home', home, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: '' },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('terminal-safe output', () => {
  it('terminalSafe replaces C0 (but LF and TAB), DEL, C1 and bidi overrides with U+FFFD', async () => {
    expect(terminalSafe('a\u001b[31mb\u0000c\u007fd\u009be\u202ef\tg\nh')).toBe('a\uFFFD[31mb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\tg\nh');
  });

  it('jsonSafe escapes what JSON.stringify leaves raw, and the JSON still parses to the same value', async () => {
    const json = JSON.stringify({ title: ESC_TITLE });
    expect(UNSAFE.test(json)).toBe(true);
    expect(UNSAFE.test(jsonSafe(json))).toBe(false);
    expect(JSON.parse(jsonSafe(json))).toEqual({ title: ESC_TITLE });
  });

  it('codes search and codes show print a stored title with escape sequences without them', async () => {
    const home = tempDir();
    const db = openContentDb(contentDbPath(home));
    await importCodeFiles(db, [writeOrderFile(tempDir(), 'icd10cm_order_2026.txt', CM_2026)]);
    // Stored directly: the importers now refuse such a title.
    db.prepare("UPDATE codes SET long_title = ? WHERE code = 'A000'").run(ESC_TITLE);
    closeContentDb(db);

    for (const args of [['codes', 'search', 'A00.0', '--limit', '1'], ['codes', 'show', 'A00.0'], ['codes', 'show', 'A00']]) {
      const text = codedesk(home, args);
      expect(text.status).toBe(0);
      expect(text.stdout).toContain('Cholera \uFFFD[2J\uFFFD]0;owned\uFFFD due to \uFFFD31m Vibrio \uFFFD cholerae');
      expect(UNSAFE.test(text.stdout.replace(/\n/g, ''))).toBe(false);
      const json = codedesk(home, [...args, '--json']);
      expect(UNSAFE.test(json.stdout.replace(/\n$/, ''))).toBe(false);
      expect(json.stdout).toContain('Cholera \\u001b[2J');
    }
  });
});
