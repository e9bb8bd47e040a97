/** Migration 1: charts, documents, coding, submissions, audit trail, settings. */
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeWorkspace, openWorkspace } from '../../../src/main/services/workspace/open';
import { MIGRATIONS } from '../../../src/main/services/workspace/migrations';
import { randomKey, tempDir } from './helpers';

let db: Database.Database;
beforeEach(() => {
  db = openWorkspace(path.join(tempDir(), 'w.db'), randomKey(), { create: true, migrations: MIGRATIONS.slice(0, 1) });
});
afterEach(() => closeWorkspace(db));

const chart = (id: string, overrides: Partial<Record<string, string | number>> = {}) => {
  const row = {
    id,
    patient_name: 'Test Patient',
    patient_age: 50,
    patient_sex: 'F',
    setting: 'inpatient',
    admit_date: '2026-01-01',
    discharge_date: '2026-01-03',
    payer: 'Medicare',
    priority: 1,
    due_date: '2026-01-10',
    assignee: 'coder1',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
  db.prepare(
    `INSERT INTO charts (id, patient_name, patient_age, patient_sex, setting, admit_date, discharge_date, payer, priority, due_date, assignee, updated_at)
     VALUES (@id, @patient_name, @patient_age, @patient_sex, @setting, @admit_date, @discharge_date, @payer, @priority, @due_date, @assignee, @updated_at)`,
  ).run(row);
};

describe('migration 1', () => {
  it('creates the workspace tables and indexes', () => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit_log', 'charts', 'codings', 'documents', 'settings', 'submissions', 'workspace_meta']);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'charts_%'").pluck().all();
    expect(indexes).toHaveLength(9);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('checks chart values (age range, sex, setting, status, priority) and column types (STRICT)', () => {
    chart('ok');
    expect(db.prepare("SELECT status FROM charts WHERE id = 'ok'").pluck().get()).toBe('new');
    expect(() => chart('a', { patient_age: 125 })).toThrow(/CHECK/);
    expect(() => chart('b', { patient_sex: 'X' })).toThrow(/CHECK/);
    expect(() => chart('c', { setting: 'clinic' })).toThrow(/CHECK/);
    expect(() => chart('d', { priority: 6 })).toThrow(/CHECK/);
    expect(() => chart('e', { patient_age: 'fifty' })).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => db.prepare("UPDATE charts SET status = 'done' WHERE id = 'ok'").run()).toThrow(/CHECK/);
  });

  it('ties documents and codings to a chart and removes them with it', () => {
    const doc = db.prepare(
      "INSERT INTO documents (id, chart_id, kind, title, author, doc_date, body, seq) VALUES ('D1', ?, 'lab', 't', 'a', '2026-01-01', 'b', 1)",
    );
    expect(() => doc.run('nope')).toThrow(/FOREIGN KEY/);
    chart('C1');
    doc.run('C1');
    db.prepare("INSERT INTO codings (chart_id, coding_json, revision, updated_at, updated_by) VALUES ('C1', '{}', 1, 'now', 'me')").run();
    db.prepare("DELETE FROM charts WHERE id = 'C1'").run();
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM codings').pluck().get()).toBe(0);
  });

  it('makes submissions immutable', () => {
    chart('C1');
    db.prepare("INSERT INTO submissions (chart_id, coding_json, submitted_at, submitted_by, device_id) VALUES ('C1', '{}', 'now', 'me', 'dev')").run();
    expect(() => db.prepare("UPDATE submissions SET coding_json = '[]'").run()).toThrow(/submissions are immutable/);
    expect(() => db.prepare('DELETE FROM submissions').run()).toThrow(/submissions are immutable/);
    expect(db.prepare('SELECT coding_json FROM submissions').pluck().get()).toBe('{}');
  });

  it('makes the audit log append-only', () => {
    db.prepare(
      "INSERT INTO audit_log (seq, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash) VALUES (1, 'now', 'u', 'd', 'export', NULL, '{}', 'p', 'h')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('keeps settings and workspace metadata as key/value pairs', () => {
    db.prepare("INSERT INTO settings (key, value) VALUES ('idle_lock_minutes', '15')").run();
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('idle_lock_minutes', '5')").run()).toThrow(/UNIQUE/);
    expect(db.prepare("SELECT value FROM workspace_meta WHERE key = 'format'").pluck().get()).toBe('codedesk-workspace');
  });
});
