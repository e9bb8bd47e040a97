/** Chart versions: reopen a submitted chart as version N+1; submission N stays as it was. */
import { describe, expect, it } from 'vitest';
import type { CodeDeskApp } from '../../../src/main/app';
import type { Coding } from '../../../src/shared/domain';
import { call, demoApp, must, PASSPHRASE, testApp } from '../helpers/app';

const CHART = 'IP-260102';
const V1: Coding = { diagnoses: [{ code: 'I21.4', poa: 'Y' }], procedures: [] };
const V2: Coding = { diagnoses: [{ code: 'I21.4', poa: 'Y' }, { code: 'E11.9', poa: 'Y' }], procedures: [] };

async function submitted(app: CodeDeskApp, coding: Coding = V1, version = 1): Promise<void> {
  const { revision } = await must(app, 'coding.get', { chartId: CHART });
  await must(app, 'coding.save', { chartId: CHART, revision, coding });
  expect(await must(app, 'charts.submit', { chartId: CHART })).toMatchObject({ submitted: true, version });
}

const db = (app: CodeDeskApp) => app.session!.db;
const auditRows = (app: CodeDeskApp, action: string) =>
  (db(app).prepare('SELECT detail_json FROM audit_log WHERE action = ? ORDER BY seq').pluck().all(action) as string[]).map(
    (d) => JSON.parse(d) as Record<string, unknown>,
  );

describe('reopening a submitted chart', () => {
  it('starts version 2 from the submitted coding, in progress and assigned to the reopener', async () => {
    const { app, profileId } = await demoApp();
    await submitted(app);
    const before = await must(app, 'charts.get', { chartId: CHART });
    expect(before).toMatchObject({ status: 'submitted', version: 1, reopened: null });

    const detail = await must(app, 'charts.reopen', { chartId: CHART, reason: 'late_documentation', note: 'Addendum to the discharge summary' });
    expect(detail).toMatchObject({ status: 'in_progress', version: 2, assignee: 'Dana Coder' });
    expect(detail.reopened).toMatchObject({ version: 2, reason: 'late_documentation', note: 'Addendum to the discharge summary', by: profileId });
    expect((await must(app, 'coding.get', { chartId: CHART })).coding).toEqual(V1);

    const row = (await must(app, 'charts.list', { search: CHART })).rows[0]!;
    expect(row).toMatchObject({ id: CHART, status: 'in_progress', version: 2 });
  });

  it('submits version 2 beside version 1, which keeps its codes; both submits and the reopen are on the trail', async () => {
    const { app } = await demoApp();
    await submitted(app);
    await must(app, 'charts.reopen', { chartId: CHART, reason: 'audit_finding', note: '' });
    await submitted(app, V2, 2);

    const versions = await must(app, 'charts.versions', { chartId: CHART });
    expect(versions.current).toBe(2);
    expect(versions.submissions.map((s) => [s.version, s.coding])).toEqual([
      [1, V1],
      [2, V2],
    ]);
    expect(versions.reopens).toMatchObject([{ version: 2, reason: 'audit_finding', note: '' }]);
    expect((await must(app, 'charts.get', { chartId: CHART })).status).toBe('submitted');

    expect(auditRows(app, 'chart.submit').map((d) => d.version)).toEqual([1, 2]);
    expect(auditRows(app, 'chart.reopen')).toEqual([{ reason: 'audit_finding', fromVersion: 1, version: 2 }]);
    expect((await must(app, 'audit.verify', {})).ok).toBe(true);
  });

  it('keeps the reopen note off the audit trail (it may hold clinical detail)', async () => {
    const { app } = await demoApp();
    await submitted(app);
    await must(app, 'charts.reopen', { chartId: CHART, reason: 'other', note: 'Cardiology consult found late' });
    const trail = db(app).prepare('SELECT detail_json FROM audit_log').pluck().all() as string[];
    expect(trail.some((d) => d.includes('Cardiology'))).toBe(false);
  });

  it('a submitted version cannot be changed or removed, nor can a reopen record', async () => {
    const { app } = await demoApp();
    await submitted(app);
    await must(app, 'charts.reopen', { chartId: CHART, reason: 'coder_correction' });
    expect(() => db(app).prepare("UPDATE submissions SET coding_json = '{}' WHERE chart_id = ?").run(CHART)).toThrow(/submissions are immutable/);
    expect(() => db(app).prepare('UPDATE submissions SET version = 2 WHERE chart_id = ?').run(CHART)).toThrow(/submissions are immutable/);
    expect(() => db(app).prepare('DELETE FROM submissions WHERE chart_id = ?').run(CHART)).toThrow(/submissions are immutable/);
    expect(() => db(app).prepare("UPDATE chart_reopens SET reason = 'other'").run()).toThrow(/reopen records are immutable/);
    expect(() => db(app).prepare('DELETE FROM chart_reopens').run()).toThrow(/reopen records are immutable/);
    // A second row for the same version is refused too: version 1 is written once.
    expect(() =>
      db(app)
        .prepare("INSERT INTO submissions(chart_id, version, coding_json, submitted_at, submitted_by, device_id) VALUES (?, 1, '{}', 'x', 'y', 'z')")
        .run(CHART),
    ).toThrow(/UNIQUE/);
    expect((await must(app, 'charts.versions', { chartId: CHART })).submissions).toMatchObject([{ version: 1, coding: V1 }]);
  });

  it('refuses a chart that is not submitted, and a missing reason, with a clear error that changes nothing', async () => {
    const { app } = await demoApp();
    const notSubmitted = await call(app, 'charts.reopen', { chartId: CHART, reason: 'coder_correction' });
    expect(notSubmitted).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/Only a submitted chart can be reopened/) } });

    await submitted(app);
    const seq = () => db(app).prepare('SELECT max(seq) FROM audit_log').pluck().get();
    const last = seq();
    for (const reason of ['', 'because', undefined]) {
      const bad = await call(app, 'charts.reopen', { chartId: CHART, reason } as never);
      expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/reason: choose a reason/) } });
    }
    const otherWithoutNote = await call(app, 'charts.reopen', { chartId: CHART, reason: 'other', note: '   ' });
    expect(otherWithoutNote).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/note/) } });
    const longNote = await call(app, 'charts.reopen', { chartId: CHART, reason: 'audit_finding', note: 'x'.repeat(501) });
    expect(longNote).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/500 characters/) } });

    expect(await must(app, 'charts.get', { chartId: CHART })).toMatchObject({ status: 'submitted', version: 1 });
    expect(db(app).prepare('SELECT count(*) FROM chart_reopens').pluck().get()).toBe(0);
    expect(db(app).prepare("SELECT count(*) FROM audit_log WHERE action = 'chart.reopen'").pluck().get()).toBe(0);
    // Only the successful charts.get above wrote an entry.
    expect(seq()).toBe((last as number) + 1);
    const twice = await must(app, 'charts.reopen', { chartId: CHART, reason: 'coder_correction' });
    expect(twice.version).toBe(2);
    expect(await call(app, 'charts.reopen', { chartId: CHART, reason: 'coder_correction' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('only those who code may reopen: a supervisor is refused', async () => {
    // A supervisor profile as the device's first (later reviewers need a supervisor's approval).
    const app = testApp();
    await must(app, 'profiles.create', { displayName: 'Sam Supervisor', role: 'supervisor', passphrase: PASSPHRASE });
    await must(app, 'demo.load', {});
    const refused = await call(app, 'charts.reopen', { chartId: CHART, reason: 'audit_finding' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('charts.reopen is audited in the same transaction', () => {
  it('a failing audit append rolls the reopen back', async () => {
    const { app } = await demoApp();
    await submitted(app);
    const audit = app.audit.bind(app);
    app.audit = (action, chartId, detail) => {
      if (action === 'chart.reopen') throw new Error('audit append failed');
      audit(action, chartId, detail);
    };
    const failed = await call(app, 'charts.reopen', { chartId: CHART, reason: 'audit_finding' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    app.audit = audit;
    expect(await must(app, 'charts.get', { chartId: CHART })).toMatchObject({ status: 'submitted', version: 1, reopened: null });
    expect(db(app).prepare('SELECT count(*) FROM chart_reopens').pluck().get()).toBe(0);
    expect((await must(app, 'audit.verify', {})).ok).toBe(true);
  });
});
