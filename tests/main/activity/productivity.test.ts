/**
 * Activity recorded as audit entries, day figures projected from them, and the productivity
 * report: a coder's own figures equal what their supervisor computes from the result package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildActivity } from '../../../src/main/services/activity/rebuild';
import type { CodeDeskApp } from '../../../src/main/app';
import { call, must } from '../helpers/app';
import { codeAndSubmit, file, IP_CODING, sendWork, twoProfiles, type TwoProfiles } from '../packages/two-profiles';

/** A clock the test moves: active time can only be claimed once it has passed. */
function testClock(start = '2026-09-02T09:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (seconds: number) => (t += seconds * 1000) };
}

const dayRows = (app: CodeDeskApp) => app.session!.db.prepare('SELECT * FROM activity_days ORDER BY day, user_id, setting').all();

async function codersDay(): Promise<{ t: TwoProfiles; clock: ReturnType<typeof testClock> }> {
  const clock = testClock();
  const t = await twoProfiles(undefined, 'supervisor', clock.now);
  await must(t.coder, 'packages.open', { path: await sendWork(t) });
  clock.advance(3600); // an hour after the lead assigned them
  await must(t.coder, 'charts.get', { chartId: 'IP-260102' });
  clock.advance(400);
  await must(t.coder, 'activity.record', { chartId: 'IP-260102', activeSeconds: 300 });
  clock.advance(200);
  await must(t.coder, 'activity.record', { chartId: 'IP-260102', activeSeconds: 180 });
  await codeAndSubmit(t.coder, 'IP-260102', IP_CODING);
  await must(t.coder, 'charts.get', { chartId: 'ED-260301' });
  clock.advance(120);
  await must(t.coder, 'activity.record', { chartId: 'ED-260301', activeSeconds: 120 });
  await must(t.coder, 'charts.hold', { chartId: 'ED-260301', reason: 'missing_documentation', note: 'No ED note' });
  return { t, clock };
}

describe('activity and productivity', () => {
  it('records active time, changes, submits and holds as day figures the coder sees', async () => {
    const { t } = await codersDay();
    const own = await must(t.coder, 'reports.productivity', { from: '2026-09-02', to: '2026-09-02' });
    expect(own.scope).toBe('own');
    expect(own.coders).toHaveLength(1);
    const dana = own.coders[0]!;
    expect(dana).toMatchObject({ userId: t.coderId, displayName: 'Dana Coder', submitted: 1, holds: 1, opened: 2, activeMinutes: 10 });
    expect(dana.submittedBySetting).toMatchObject({ inpatient: 1, emergency: 0 });
    expect(dana.weightedUnits).toBe(1);
    expect(dana.activeMinutesPerChart).toBe(10);
    expect(dana.chartsPerActiveHour).toBe(6);
    // Assigned when the lead made the package; submitted 3,600 + 600 seconds later.
    expect(dana.turnaroundAssignedHours).toBeCloseTo(1.2, 1);
    expect(own.team.submitted).toBe(1);
    expect(own.daily.map((d) => d.day)).toEqual(['2026-09-02']);
    expect(own.previous).toMatchObject({ from: '2026-09-01', to: '2026-09-01', team: { submitted: 0 } });
  });

  it('gives the supervisor, from the result package, exactly the figures the coder sees', async () => {
    const { t } = await codersDay();
    const own = await must(t.coder, 'reports.productivity', { from: '2026-09-01', to: '2026-09-07' });
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'result.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'result.cdpkg') });
    const team = await must(t.lead, 'reports.productivity', { from: '2026-09-01', to: '2026-09-07' });
    expect(team.scope).toBe('team');
    const seen = team.coders.find((c) => c.userId === t.coderId);
    expect(seen).toEqual(own.coders[0]);
    const one = await must(t.lead, 'reports.productivity', { from: '2026-09-01', to: '2026-09-07', coderId: t.coderId });
    expect(one.coderDays).toEqual(own.coderDays);
    expect(one.settings).toEqual(own.settings);
    expect(one.backlog).toEqual(own.backlog);
    // The same result applied twice adds nothing.
    await must(t.lead, 'packages.apply', { path: file(t, 'result.cdpkg') });
    expect((await must(t.lead, 'reports.productivity', { from: '2026-09-01', to: '2026-09-07', coderId: t.coderId })).coders).toEqual(one.coders);
  });

  it('derives the same figures when rebuilt from the events as it kept while they happened', async () => {
    const { t } = await codersDay();
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'result.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'result.cdpkg') });
    for (const app of [t.coder, t.lead]) {
      const kept = dayRows(app);
      expect(kept.length).toBeGreaterThan(0);
      rebuildActivity(app.session!.db);
      expect(dayRows(app)).toEqual(kept);
    }
  });

  it('refuses active time for a chart not opened, or more than has passed, and records nothing', async () => {
    const { t, clock } = await codersDay();
    const before = dayRows(t.coder);
    const notOpened = await call(t.coder, 'activity.record', { chartId: 'PF-260401', activeSeconds: 10 });
    expect(notOpened).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    clock.advance(60);
    const tooMuch = await call(t.coder, 'activity.record', { chartId: 'IP-260102', activeSeconds: 600 });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!tooMuch.ok) expect(tooMuch.error.message).toMatch(/more active time/i);
    const overCap = await call(t.coder, 'activity.record', { chartId: 'IP-260102', activeSeconds: 3601 });
    expect(overCap).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(dayRows(t.coder)).toEqual(before);
  });

  it('keeps other coders’ figures and the exports from anyone but a supervisor', async () => {
    const { t } = await codersDay();
    const other = await call(t.coder, 'reports.productivity', { from: '2026-09-02', to: '2026-09-02', coderId: t.leadId });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const out = path.join(t.files, 'mine.csv');
    const exported = await call(t.coder, 'reports.exportProductivity', { from: '2026-09-02', to: '2026-09-02', format: 'csv', path: out });
    expect(exported).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fs.existsSync(out)).toBe(false);
  });

  it('weighs units with the supervisor’s own weights, refused to a coder and out of range', async () => {
    const { t } = await codersDay();
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'result.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'result.cdpkg') });
    const weights = { inpatient: 2, outpatient_surgery: 1, emergency: 0.5, professional: 0.25 };
    expect(await must(t.lead, 'settings.setUnitWeights', { weights })).toEqual(weights);
    const team = await must(t.lead, 'reports.productivity', { from: '2026-09-02', to: '2026-09-02' });
    expect(team.weights).toEqual(weights);
    expect(team.coders.find((c) => c.userId === t.coderId)?.weightedUnits).toBe(2);
    expect(await call(t.coder, 'settings.setUnitWeights', { weights })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.lead, 'settings.setUnitWeights', { weights: { ...weights, inpatient: 11 } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const entry = t.lead.session!.db.prepare("SELECT detail_json FROM audit_log WHERE action = 'settings.change' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(entry)).toEqual({ unitWeights: [2, 1, 0.5, 0.25] });
  });

  it('refuses a reversed or impossible date range with a reason', async () => {
    const { t } = await codersDay();
    const reversed = await call(t.coder, 'reports.productivity', { from: '2026-09-07', to: '2026-09-01' });
    expect(reversed).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!reversed.ok) expect(reversed.error.message).toMatch(/reversed/);
    expect(await call(t.coder, 'reports.productivity', { from: '2026-09-31', to: '2026-09-01' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call(t.coder, 'reports.productivity', { from: '2024-01-01', to: '2026-09-01' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('counts the backlog by age since discharge, and a submitted chart leaves it', async () => {
    const { t } = await codersDay();
    const report = await must(t.coder, 'reports.productivity', { from: '2026-09-02', to: '2026-09-02' });
    const charts = await must(t.coder, 'charts.list', {});
    const open = charts.rows.filter((c) => c.status !== 'submitted' && c.dischargeDate <= '2026-09-02');
    expect(report.backlog.count).toBe(open.length);
    expect(report.backlog.bands.reduce((n, b) => n + b.count, 0)).toBe(open.length);
    const before = await must(t.coder, 'reports.productivity', { from: '2026-09-01', to: '2026-09-01' });
    // On the day before, the chart submitted on the 2nd was still waiting.
    expect(before.backlog.count).toBe(report.backlog.count + 1);
  });
});
