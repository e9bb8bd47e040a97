/**
 * A failed import leaves no large files behind: its transaction is rolled back, the content
 * database's WAL is checkpointed and truncated, and temp files (a zip member inflated for
 * reading) are removed; a full disk is named as such.
 */
import { failureOfAsync } from '../../main/codesets/helpers';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeContentDb, openContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import { listVersions } from '../../../src/main/services/codesets/versions';
import { DISK_FULL_MESSAGE } from '../../../src/main/services/db/errors';
import { CODESETS, tempDir } from '../../main/helpers/temp';
import { makeZip } from '../../main/helpers/zip';

const CM_ORDER = path.join(CODESETS, 'icd10cm', 'icd10cm_order_2026.txt');
const MB = 1024 * 1024;

const walSize = (dbPath: string): number => (fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0);

const savedTmp = process.env.TMPDIR;
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

describe('a failed import', () => {
  it('on a full disk (SQLITE_FULL) says "disk full", keeps nothing and leaves a small WAL', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'icd10cm_order_2026.txt');
    fs.copyFileSync(CM_ORDER, file);
    const dbPath = path.join(dir, 'content.db');
    const db = openContentDb(dbPath);
    // Room for ~40 MB more: the import runs out of it while building its index, as on a full disk,
    // after writing some 34 MB of pages to the WAL (left there before failed imports were cleaned up).
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 10_000}`);
    const failure = await failureOfAsync(() => importCodeFiles(db, [file]));
    expect(failure.code).toBe('DISK_FULL');
    expect(failure.message).toBe(DISK_FULL_MESSAGE);
    expect(walSize(dbPath)).toBeLessThan(MB);
    expect(listVersions(db)).toEqual([]);
    closeContentDb(db);
  }, 120_000);

  it('late in a large zip member removes the inflated copy and leaves a small WAL', async () => {
    const dir = tempDir();
    const lines = fs.readFileSync(CM_ORDER, 'latin1').split('\r\n');
    // The last code's billable flag broken: found only after every earlier line was read.
    const last = lines.length - 2;
    lines[last] = `${lines[last]!.slice(0, 14)}X${lines[last]!.slice(15)}`;
    const zip = path.join(dir, 'cm-2027.zip');
    fs.writeFileSync(zip, makeZip([{ name: 'icd10cm_order_2027.txt', data: Buffer.from(lines.join('\r\n'), 'latin1') }]));
    const dbPath = path.join(dir, 'content.db');
    const db = openContentDb(dbPath);
    const tmp = tempDir();
    process.env.TMPDIR = tmp;
    const failure = await failureOfAsync(() => importCodeFiles(db, [zip], undefined, { allowUnverified: true }));
    expect(failure.message).toBe(`icd10cm_order_2027.txt line ${last + 1}: expected a flag 0 or 1 in column 15`);
    // tsx (which runs the helper worker from sources in tests) keeps its compile cache there.
    expect(fs.readdirSync(tmp).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
    expect(walSize(dbPath)).toBeLessThan(MB);
    expect(listVersions(db)).toEqual([]);
    closeContentDb(db);
  }, 120_000);
});
