/**
 * A coder's real workspace with some work on its trail, and a raw connection under the
 * workspace key for tampering the way someone holding the file (and, where said, the key)
 * could.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { callApi } from '../../../src/main/api';
import type { CodeDeskApp } from '../../../src/main/app';
import { createProfile } from '../../../src/main/services/users/profiles';
import type { ProfileSummary } from '../../../src/shared/domain';
import { testApp } from '../helpers/app';
import { CHEAP_SCRYPT } from '../workspace/helpers';

export interface Worked {
  app: CodeDeskApp;
  profile: ProfileSummary;
  /** A copy of the workspace key (the app wipes the one it is given). */
  key: Buffer;
  file: string;
  sealFile: string;
}

export async function workedWorkspace(): Promise<Worked> {
  const app = testApp();
  const created = await createProfile(
    app.home,
    { displayName: 'Dana Coder', role: 'coder', passphrase: 'correct horse battery staple', deviceId: app.deviceId },
    { scrypt: CHEAP_SCRYPT },
  );
  const key = Buffer.from(created.key);
  app.startSession(created.profile, created.key);
  const worked: Worked = { app, profile: created.profile, key, file: app.workspacePath(created.profile.id), sealFile: app.sealPath(created.profile.id) };
  await doWork(worked, 30);
  return worked;
}

/** `count` audited reads and changes: charts opened, codes added. */
export async function doWork(w: Worked, count: number): Promise<void> {
  const must = async (method: Parameters<typeof callApi>[1], input: unknown) => {
    const r = await callApi(w.app, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const list = (await must('charts.list', {})) as { rows: { id: string }[] } | undefined;
  if (!list || list.rows.length === 0) await must('demo.load', {});
  const rows = ((await must('charts.list', {})) as { rows: { id: string }[] }).rows;
  for (let i = 0; i < count; i++) {
    const chartId = rows[i % rows.length]!.id;
    await must('charts.get', { chartId });
  }
}

export function unlockAgain(w: Worked): ReturnType<CodeDeskApp['startSession']> {
  return w.app.startSession(w.profile, Buffer.from(w.key));
}

/** The workspace file under its key, triggers dropped: what someone with the key can do to it. */
export function rawWithKey(w: Worked): Database.Database {
  const db = new Database(w.file);
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${w.key.toString('hex')}'"`);
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  return db;
}

export function closeRaw(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export function copyFiles(from: string, to: string): void {
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
    else fs.rmSync(to + suffix, { force: true });
  }
}
