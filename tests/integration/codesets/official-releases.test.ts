/**
 * The manifest of official releases against the real files in ../shared/data/codesets, and
 * what an import makes of a real file cut short, renamed, or carrying control characters.
 */
import { failureOfAsync } from '../../main/codesets/helpers';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import { fileSource } from '../../../src/main/services/codesets/importers/plan';
import { importerFor } from '../../../src/main/services/codesets/importers/registry';
import { OFFICIAL_RELEASES } from '../../../src/main/services/codesets/importers/release-manifest';
import { fileFacts, verifyRelease } from '../../../src/main/services/codesets/importers/verify-release';
import { listVersions } from '../../../src/main/services/codesets/versions';
import { AppFailure } from '../../../src/shared/result';
import { CODESETS, REPO_ROOT, tempDir } from '../../main/helpers/temp';

const CM_ORDER = path.join(CODESETS, 'icd10cm', 'icd10cm_order_2026.txt');
const DATA_PRESENT = fs.existsSync(CM_ORDER);
const MISSING = `The official code-set files are missing: expected them under ${CODESETS}`;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function failureOf(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

/** The first `lines` lines of the real order file, in a temp folder under `name`. */
function cutOrderFile(lines: number, name = 'icd10cm_order_2026.txt'): string {
  const text = fs.readFileSync(CM_ORDER, 'latin1').split('\r\n').slice(0, lines).join('\r\n');
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, `${text}\r\n`, 'latin1');
  return file;
}

function codedesk(args: string[]) {
  const res = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'codedesk.mjs'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CODEDESK_LOG: 'silent', CODEDESK_PASSPHRASE: '' },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('resources/official-releases.json', () => {
  it('names every importable official file in ../shared with its kind, size, line count and SHA-256', async () => {
    expect(DATA_PRESENT, MISSING).toBe(true);
    const importable = filesUnder(CODESETS).flatMap((file) => {
      const source = fileSource(file);
      const importer = importerFor(source);
      if (!importer) return [];
      const facts = fileFacts(source);
      return [{ name: source.name, kind: importer.kind, bytes: facts.bytes, lines: facts.lines, sha256: facts.sha256 }];
    });
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect(OFFICIAL_RELEASES.map(({ name, kind, bytes, lines, sha256 }) => ({ name, kind, bytes, lines, sha256 })).sort(byName)).toEqual(
      importable.sort(byName),
    );
    expect(importable).toHaveLength(35);
  }, 120_000);

  it('verifies the CDC copy of a file under its hyphenated name', async () => {
    const file = path.join(tempDir(), 'icd10cm-order-2026.txt');
    fs.copyFileSync(CM_ORDER, file);
    expect(verifyRelease(fileSource(file), 'order-file').release?.release).toBe('ICD-10-CM FY2026 order file');
  });

  it('refuses an official file renamed to another year: the importer would take the year from the name', async () => {
    const file = path.join(tempDir(), 'icd10cm_order_2026.txt');
    fs.copyFileSync(path.join(CODESETS, 'icd10cm', 'fy2025', 'icd10cm_order_2025.txt'), file);
    expect(failureOf(() => verifyRelease(fileSource(file), 'order-file')).message).toBe(
      'icd10cm_order_2026.txt: the file is the official ICD-10-CM FY2025 order file under another name: rename it back to icd10cm_order_2025.txt',
    );
  });
});

describe('a real order file cut short', () => {
  it('cut cleanly after a line (49,094 of 98,186 lines) is refused by codes import with exit 2, and nothing is kept', async () => {
    const file = cutOrderFile(49_094);
    const home = tempDir();
    const res = codedesk(['--home', home, 'codes', 'import', file]);
    expect(res.stderr).toBe(
      'codedesk: icd10cm_order_2026.txt: expected the ICD-10-CM FY2026 order file (14,694,719 bytes, 98,186 lines) ' +
        `but found ${fs.statSync(file).size.toLocaleString('en-US')} bytes, 49,094 lines: the file looks truncated or altered; download it again\n`,
    );
    expect(res.status).toBe(2);
    const db = openContentDb(path.join(home, 'content.db'));
    expect(listVersions(db)).toEqual([]);
    closeContentDb(db);
  });

  it('is refused even with allowUnverified: it claims a known release', async () => {
    const db = openContentDb(path.join(tempDir(), 'content.db'));
    const failure = await failureOfAsync(() => importCodeFiles(db, [cutOrderFile(98_185)], undefined, { allowUnverified: true }));
    expect(failure.message).toMatch(/^icd10cm_order_2026\.txt: expected the ICD-10-CM FY2026 order file .* but found .*, 98,185 lines: the file looks truncated or altered/);
    expect(listVersions(db)).toEqual([]);
    closeContentDb(db);
  });
});

describe('control characters in a real order file', () => {
  function damaged(line: number, insert: string): string {
    const lines = fs.readFileSync(CM_ORDER, 'latin1').split('\r\n');
    lines[line - 1] = `${lines[line - 1]!.slice(0, 90)}${insert}${lines[line - 1]!.slice(90)}`;
    const file = path.join(tempDir(), 'icd10cm_order_2026.txt');
    fs.writeFileSync(file, lines.join('\r\n'), 'latin1');
    return file;
  }

  it('a NUL in a title is refused with the file, the line and the reason, even when unverified files are allowed', async () => {
    const db = openContentDb(path.join(tempDir(), 'content.db'));
    const failure = await failureOfAsync(() => importCodeFiles(db, [damaged(70_000, '\u0000')], undefined, { allowUnverified: true }));
    expect(failure.message).toBe(
      'icd10cm_order_2026.txt line 70000: a control character, NUL (U+0000), is not allowed in code-set text (the file is damaged or not an official file)',
    );
    expect(listVersions(db)).toEqual([]);
    closeContentDb(db);
  });

  it('an ANSI escape sequence in a title is refused the same way', async () => {
    const db = openContentDb(path.join(tempDir(), 'content.db'));
    const failure = await failureOfAsync(() => importCodeFiles(db, [damaged(12, '\u001b[2J\u001b[31m')], undefined, { allowUnverified: true }));
    expect(failure.message).toMatch(/^icd10cm_order_2026\.txt line 12: a control character, ESC \(U\+001B\), is not allowed/);
    expect(listVersions(db)).toEqual([]);
    closeContentDb(db);
  });
});
