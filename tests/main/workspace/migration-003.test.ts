/** Migration 3: chart versions (a submitted chart reopened for correction as version N+1). */
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { closeWorkspace, openWorkspace } from '../../../src/main/services/workspace/open';
import { MIGRATIONS } from '../../../src/main/services/workspace/migrations';
import { randomKey, tempDir } from './helpers';

let db: Database.Database | null = null;
afterEach(() => {
  if (db) closeWorkspace(db);
  db = null;
});

describe('migration 3', () => {
  it('upgrades a version-2 workspace in place: an existing submission is version 1 and stays immutable', () => {
    const file = path.join(tempDir(), 'w.db');
    const key = randomKey();
    const old = openWorkspace(file, Buffer.from(key), { create: true, migrations: MIGRATIONS.slice(0, 2) });
    old.prepare(
      `INSERT INTO charts (id, patient_name, patient_age, patient_sex, setting, admit_date, discharge_date, payer, priority, due_date, status, assignee, updated_at)
       VALUES ('C1', 'Test Patient', 50, 'F', 'inpatient', '2026-01-01', '2026-01-03', 'Medicare', 1, '2026-01-10', 'submitted', 'coder1', 'now')`,
    ).run();
    old.prepare("INSERT INTO submissions (chart_id, coding_json, submitted_at, submitted_by, device_id) VALUES ('C1', '{}', 'now', 'me', 'dev')").run();
    closeWorkspace(old);

    db = openWorkspace(file, Buffer.from(key), { migrations: MIGRATIONS.slice(0, 3) });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare("SELECT version FROM charts WHERE id = 'C1'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT version FROM submissions WHERE chart_id = 'C1'").pluck().get()).toBe(1);
    expect(() => db!.prepare('UPDATE submissions SET version = 2').run()).toThrow(/submissions are immutable/);
    expect(() => db!.prepare('UPDATE charts SET version = 0').run()).toThrow(/CHECK/);

    const reopen = db.prepare(
      `INSERT INTO chart_reopens (chart_id, version, reason, note, reopened_at, reopened_by, device_id) VALUES ('C1', ?, ?, ?, 'now', 'me', 'dev')`,
    );
    expect(() => reopen.run(1, 'audit_finding', '')).toThrow(/CHECK/);
    expect(() => reopen.run(2, 'because', '')).toThrow(/CHECK/);
    expect(() => reopen.run(2, 'other', 'x'.repeat(501))).toThrow(/CHECK/);
    reopen.run(2, 'other', 'late consult');
    expect(() => reopen.run(2, 'audit_finding', '')).toThrow(/UNIQUE/);
  });
});
