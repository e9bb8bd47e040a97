import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../src/shared/contract';
import { call, demoApp, must, PASSPHRASE, testApp } from '../helpers/app';

describe('api.ts: validation, access and Result values', () => {
  it('rejects an unknown method and an invalid payload with BAD_INPUT, changing nothing', async () => {
    const app = testApp();
    const unknown = await call(app, 'charts.delete' as never, {} as never);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const short = await call(app, 'profiles.create', { displayName: 'X', role: 'coder', passphrase: 'short' });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error.message).toMatch(/at least 12 characters/);
    const extra = await call(app, 'profiles.create', { displayName: 'X', role: 'coder', passphrase: PASSPHRASE, admin: true } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const badRole = await call(app, 'profiles.create', { displayName: 'X', role: 'root' as never, passphrase: PASSPHRASE });
    expect(badRole).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await must(app, 'profiles.list', {})).toEqual([]);
  });

  it('answers LOCKED for workspace methods until unlocked, FORBIDDEN for the wrong role', async () => {
    const app = testApp();
    expect(await call(app, 'charts.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await must(app, 'profiles.create', { displayName: 'Sam Supervisor', role: 'supervisor', passphrase: PASSPHRASE });
    const save = await call(app, 'coding.save', { chartId: 'IP-260101', coding: { diagnoses: [], procedures: [] }, revision: 0 });
    expect(save).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a wrong passphrase gives a clear message and leaves CodeDesk locked', async () => {
    const app = testApp();
    const { profile } = await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    await must(app, 'session.lock', {});
    const wrong = await call(app, 'session.unlock', { profileId: profile.id, passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase.' } });
    expect((await must(app, 'session.status', {})).unlocked).toBe(false);
    expect((await must(app, 'session.unlock', { profileId: profile.id, passphrase: PASSPHRASE })).unlocked).toBe(true);
  });
});

describe('a damaged workspace', () => {
  it('a corrupt or foreign workspace file gives a clear error, stays locked and is left as it was', async () => {
    const app = testApp();
    const { profile } = await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    await must(app, 'session.lock', {});
    const file = app.workspacePath(profile.id);
    const damaged = crypto.randomBytes(fs.statSync(file).size);
    fs.writeFileSync(file, damaged);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const res = await call(app, 'session.unlock', { profileId: profile.id, passphrase: PASSPHRASE });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_A_WORKSPACE' } });
    if (!res.ok) expect(res.error.message).toMatch(/not a CodeDesk workspace/);
    expect((await must(app, 'session.status', {})).unlocked).toBe(false);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });
});

describe("a coder's path through the API", () => {
  it('loads the demo, codes a chart, is blocked by an error, fixes it and submits, all on the audit trail', async () => {
    const { app } = await demoApp();
    const queue = await must(app, 'charts.list', { limit: 100 });
    expect(queue.total).toBeGreaterThanOrEqual(40);
    const inpatient = queue.rows.find((r) => r.setting === 'inpatient') ?? queue.rows[0]!;
    const chart = await must(app, 'charts.get', { chartId: inpatient.id });
    expect(chart.documents.length).toBeGreaterThan(0);
    const doc = await must(app, 'documents.get', { chartId: chart.id, documentId: chart.documents[0]!.id });
    expect(doc.body.length).toBeGreaterThan(100);

    // E11 is a category header in every version: submit must be blocked with a plain message.
    let { revision } = await must(app, 'coding.get', { chartId: chart.id });
    ({ revision } = await must(app, 'coding.save', {
      chartId: chart.id,
      revision,
      coding: { diagnoses: [{ code: 'E11', poa: 'Y' }], procedures: [] },
    }));
    const blocked = await must(app, 'charts.submit', { chartId: chart.id });
    expect(blocked.submitted).toBe(false);
    expect(blocked.problems.map((p) => p.rule)).toContain('code.not-billable');

    ({ revision } = await must(app, 'coding.save', {
      chartId: chart.id,
      revision,
      // A41.51 as principal passes every edit (E11.9 alone is a questionable admission, MCE 8A).
      coding: { diagnoses: [{ code: 'A41.51', poa: 'Y' }], procedures: [] },
    }));
    const stale = await call(app, 'coding.save', { chartId: chart.id, revision: revision - 1, coding: { diagnoses: [], procedures: [] } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const done = await must(app, 'charts.submit', { chartId: chart.id });
    expect(done).toMatchObject({ submitted: true });
    expect((await must(app, 'charts.get', { chartId: chart.id })).status).toBe('submitted');
    const afterSubmit = await call(app, 'coding.save', { chartId: chart.id, revision: revision, coding: { diagnoses: [], procedures: [] } });
    expect(afterSubmit).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const report = await must(app, 'audit.verify', {});
    expect(report.ok).toBe(true);
    const actions = (app.session!.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);
    for (const a of ['profile.create', 'demo.load', 'chart.open', 'document.view', 'coding.change', 'chart.submit_blocked', 'chart.submit']) {
      expect(actions).toContain(a);
    }
  });

  it('holds a chart with a reason and releases it', async () => {
    const { app } = await demoApp();
    const chartId = (await must(app, 'charts.list', { limit: 1 })).rows[0]?.id;
    const held = await must(app, 'charts.hold', { chartId: chartId!, reason: 'awaiting_query', note: 'Query sent about CKD stage' });
    expect(held).toMatchObject({ status: 'on_hold', holdReason: 'awaiting_query' });
    const noNote = await call(app, 'charts.hold', { chartId: chartId!, reason: 'other', note: '   ' });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect((await must(app, 'charts.release', { chartId: chartId! })).status).toBe('in_progress');
  });

  it('locking drops the session, emits the event and keeps the draft for after unlock', async () => {
    const { app, profileId } = await demoApp();
    const events: EventName[] = [];
    app.events.on((name) => events.push(name));
    const chartId = (await must(app, 'charts.list', { limit: 1 })).rows[0]?.id;
    await must(app, 'coding.save', { chartId: chartId!, revision: 0, coding: { diagnoses: [{ code: 'I10', poa: null }], procedures: [] } });
    await must(app, 'session.lock', {});
    expect(events).toContain('session.locked');
    expect(app.session).toBeNull();
    expect(await call(app, 'coding.get', { chartId: chartId! })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await must(app, 'session.unlock', { profileId, passphrase: PASSPHRASE });
    expect((await must(app, 'coding.get', { chartId: chartId! })).coding.diagnoses).toEqual([{ code: 'I10', poa: null }]);
  });

  it('the idle lock setting is stored in the workspace and survives a lock', async () => {
    const { app, profileId } = await demoApp();
    expect((await must(app, 'session.status', {})).idleLockMinutes).toBe(15);
    await must(app, 'settings.setIdleLock', { minutes: 5 });
    await must(app, 'session.lock', {});
    expect((await must(app, 'session.unlock', { profileId, passphrase: PASSPHRASE })).idleLockMinutes).toBe(5);
    expect(await call(app, 'settings.setIdleLock', { minutes: 0 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
