import crypto from 'node:crypto';
import type { WorkspaceDb } from '../../../src/main/services/db/handles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/main/services/audit/canonical-json';
import { AUDIT_ACTIONS, appendAudit, verifyAudit, type AuditAction } from '../../../src/main/services/audit/trail';
import { closeWorkspace } from '../../../src/main/services/workspace/open';
import { failureOf } from '../workspace/helpers';
import { T0, fillTrail, openedWorkspace } from './helpers';

const GENESIS = '0'.repeat(64);
let db: WorkspaceDb;
let workspaceKey: Buffer;
beforeEach(() => {
  ({ db, key: workspaceKey } = openedWorkspace());
});
afterEach(() => closeWorkspace(db));

const count = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get();

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order, and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: true, c: null }], 'é': 'x' })).toBe('{"a":[3,{"c":null,"d":true}],"b":1,"é":"x"}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('refuses numbers JSON cannot represent', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson(Infinity)).toThrow();
  });
});

describe('appendAudit', () => {
  it('exports the full action list', () => {
    expect([...AUDIT_ACTIONS]).toEqual([
      'profile.create', 'session.unlock', 'session.unlock_failed', 'session.lock', 'session.recover', 'chart.open',
      'chart.activity', 'document.view', 'coding.change', 'chart.submit', 'chart.submit_blocked', 'chart.hold', 'chart.release',
      'export', 'demo.load', 'codes.import', 'settings.change', 'workspace.backup', 'workspace.restore', 'audit.reanchor',
      'chart.reopen', 'charts.import', 'chart.source_apply', 'query.draft', 'query.send', 'query.answer', 'query.cancel',
      'query.close', 'query.export', 'audit.sample', 'audit.start', 'audit.save', 'audit.complete', 'audit.respond', 'audit.decide',
      'report.export', 'results.export',
      'package.create', 'package.open', 'package.result', 'package.apply', 'package.resolve',
      'profile.keys_create', 'profile.card_export', 'profile.card_import',
      'hub.link', 'hub.unlink', 'hub.checkout', 'hub.push', 'hub.audit_checkout', 'hub.audit_push',
    ]);
  });

  it('chains from the genesis hash: hash = HMAC-SHA256 under a key derived from the workspace key, over prev_hash + canonical JSON', () => {
    const first = appendAudit(db, { userId: 'u1', deviceId: 'dev-1', action: 'chart.open', chartId: 'C1' }, T0);
    const body = '{"action":"chart.open","at":"2026-03-01T10:00:00.000Z","chartId":"C1","detail":{},"deviceId":"dev-1","seq":1,"userId":"u1"}';
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS, chartId: 'C1', detail: {} });
    const chainKey = Buffer.from(crypto.hkdfSync('sha256', workspaceKey, Buffer.alloc(0), 'codedesk audit chain v1', 32));
    expect(first.hash).toBe(crypto.createHmac('sha256', chainKey).update(GENESIS + body).digest('hex'));
    // Without the key, the plain hash an editor could compute is not the one stored.
    expect(first.hash).not.toBe(crypto.createHash('sha256').update(GENESIS + body).digest('hex'));

    const second = appendAudit(db, { userId: 'u1', deviceId: 'dev-1', action: 'coding.change', chartId: 'C1', detail: { added: ['E11.65'], revision: 2 } }, new Date(T0 + 1000));
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, at: '2026-03-01T10:00:01.000Z' });
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
    expect(row).toMatchObject({ user_id: 'u1', device_id: 'dev-1', action: 'coding.change', chart_id: 'C1', detail_json: '{"added":["E11.65"],"revision":2}', prev_hash: first.hash, hash: second.hash });
  });

  it('records every listed action', () => {
    for (const action of AUDIT_ACTIONS) appendAudit(db, { userId: 'u1', deviceId: 'dev-1', action }, T0);
    expect(count()).toBe(AUDIT_ACTIONS.length);
    expect(verifyAudit(db)).toEqual({ ok: true, entries: AUDIT_ACTIONS.length, problems: [] });
  });

  it('refuses an unknown action, a missing user or device, and writes nothing', () => {
    const bad = [
      { userId: 'u1', deviceId: 'dev-1', action: 'chart.delete' as AuditAction },
      { userId: '', deviceId: 'dev-1', action: 'export' as const },
      { userId: 'u1', deviceId: '', action: 'export' as const },
      { userId: 'u1', deviceId: 'dev-1', action: 'export' as const, chartId: 'x'.repeat(65) },
    ];
    for (const input of bad) expect(failureOf(() => appendAudit(db, input, T0)).code).toBe('BAD_INPUT');
    expect(count()).toBe(0);
  });

  it('keeps document text and nested data out of detail, and writes nothing', () => {
    const note = 'Patient is a 67 year old female presenting with shortness of breath and bilateral leg swelling for three days.';
    const bad: Record<string, unknown>[] = [
      { text: note + note },
      { nested: { a: 1 } },
      { list: ['ok', { a: 1 }] },
      { 'bad key': 1 },
      { n: Number.NaN },
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])),
      { codes: Array.from({ length: 101 }, () => 'A00') },
    ];
    for (const detail of bad) {
      const failure = failureOf(() => appendAudit(db, { userId: 'u1', deviceId: 'dev-1', action: 'export', detail }, T0));
      expect(failure.code).toBe('BAD_INPUT');
      expect(failure.message).not.toContain('shortness');
    }
    expect(failureOf(() => appendAudit(db, { userId: 'u1', deviceId: 'dev-1', action: 'export', detail: new Map() as never }, T0)).code).toBe('BAD_INPUT');
    expect(count()).toBe(0);
  });

  it('is blocked from UPDATE and DELETE by the append-only triggers', () => {
    fillTrail(db, 3);
    expect(() => db.prepare("UPDATE audit_log SET action = 'export' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(count()).toBe(3);
    expect(verifyAudit(db)).toEqual({ ok: true, entries: 3, problems: [] });
  });

  it('joins the caller’s transaction: rolled back together with the change it records', () => {
    fillTrail(db, 1);
    expect(() =>
      db.transaction(() => {
        appendAudit(db, { userId: 'u1', deviceId: 'dev-1', action: 'chart.hold', chartId: 'C9' }, T0);
        throw new Error('the hold failed');
      })(),
    ).toThrow('the hold failed');
    expect(count()).toBe(1);
    expect(appendAudit(db, { userId: 'u1', deviceId: 'dev-1', action: 'export' }, T0).seq).toBe(2);
  });
});
