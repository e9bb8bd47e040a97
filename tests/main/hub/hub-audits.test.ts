/**
 * Second-level audits through the hub, against real PostgreSQL: coders submit charts; an auditor's
 * device checks out submitted charts coded by others (never their own, never a chart another
 * auditor holds), again after a lost reply; the committed audit comes back and is kept once
 * however often it arrives, the auditor's later decisions replacing it; an audit of a chart not
 * checked out to the auditor is refused. The supervisor's hub report then carries the same
 * accuracy figures (code and record level, per coder and team) that the shared functions give.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestExports } from '../../../src/main/hub/ingest';
import { sealJson, unsealJson } from '../../../src/main/hub/seal';
import { startHub, type RunningHub } from '../../../src/main/hub/server';
import { addUser } from '../../../src/main/hub/users';
import type { AuditWire } from '../../../src/main/services/audits/audit-wire';
import type { WireState } from '../../../src/main/services/packages/chart-state';
import type { ChartEntry } from '../../../src/main/services/packages/work-package';
import { aggregateAccuracy, chartAccuracy, type ChartAccuracy, type FindingOutcome } from '../../../src/shared/accuracy';
import { auditDiff } from '../../../src/shared/audit-diff';
import type { Coding } from '../../../src/shared/domain';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { hubCall } from './hub-client';
import { startCluster, type PgCluster } from './pg-cluster';
import { CHEAP_KDF, PASSWORD, TEST_KEY } from './hub-fixtures';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let cluster: PgCluster;
let hub: RunningHub;
beforeAll(async () => {
  cluster = await startCluster();
  hub = await startHub({ dataKey: TEST_KEY, databaseUrl: await cluster.createDatabase(), insecureLoopback: true });
}, 60_000);
afterAll(async () => {
  await hub?.close();
  cluster?.stop();
});

const DANA: Coding = {
  diagnoses: [{ code: 'I10', poa: 'Y' }, { code: 'E11.9', poa: 'Y' }, { code: 'J45.909', poa: 'N' }],
  procedures: [],
} as Coding;
const AVA: Coding = { diagnoses: [{ code: 'I10', poa: 'Y' }, { code: 'E78.5', poa: 'Y' }], procedures: [] } as Coding;

/** A submitted state as a desktop pushes it: version 1 submitted with these codes. */
const submittedState = (coding: Coding, at: string): WireState => ({
  status: 'submitted',
  hold_reason: null,
  hold_note: null,
  version: 1,
  coding_json: JSON.stringify(coding),
  submissions: [{ version: 1, coding_json: JSON.stringify(coding), submitted_at: at, submitted_by: 'desktop-profile', device_id: 'desktop-device' }],
  reopens: [],
});

/** Open, five active minutes, submit: so the coder has a row in the report. */
const trail = (chartId: string, firstSeq: number, start: number) =>
  [['chart.open', {}], ['chart.activity', { activeSeconds: 300, idleMinutes: 0 }], ['chart.submit', { version: 1 }]].map(([action, detail], k) => ({
    seq: firstSeq + k, at: new Date(start + k * 60_000).toISOString(), user_id: 'desktop-profile', action, chart_id: chartId, detail_json: JSON.stringify(detail), hash: crypto.randomBytes(32).toString('hex'),
  }));

/** A committed audit as the auditor's desktop sends it: the diff of the two codings, each finding at an outcome. */
function auditOf(chartId: string, coder: Coding, auditor: Coding, outcomes: Record<string, FindingOutcome> = {}, id = `A-${crypto.randomBytes(8).toString('hex')}`): AuditWire {
  const at = new Date().toISOString();
  return {
    id,
    chartId,
    version: 1,
    coderId: 'desktop-profile-of-the-coder',
    auditorId: 'desktop-profile-of-the-auditor',
    mode: 'blind',
    startedAt: at,
    committedAt: at,
    auditorCodingJson: JSON.stringify(auditor),
    findings: auditDiff(coder, auditor, 'inpatient').map((f) => ({
      ...f,
      outcome: outcomes[f.id] ?? 'open',
      coderComment: outcomes[f.id] === 'rebutted' || outcomes[f.id] === 'withdrawn' ? 'Documented in the progress note.' : null,
      auditorComment: null,
      updatedAt: at,
    })),
  };
}

/** What the desktop's accuracyReport computes for one audit: chartAccuracy of the coder's codes and the findings' outcomes. */
const accuracyOf = (coder: Coding, wire: AuditWire): ChartAccuracy => chartAccuracy(coder, wire.findings.map((f) => ({ kind: f.kind, coderLine: f.coderLine, outcome: f.outcome })));

type AuditChart = { entry: ChartEntry; state: WireState; coderUserId: string; coderName: string };

describe('second-level audits on the hub', () => {
  it('checks out others’ submitted charts for audit, keeps each audit once, and puts its accuracy in the hub report', { timeout: 120_000 }, async () => {
    await addUser(hub.db, { name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const dana = await addUser(hub.db, { name: 'Dana Coder', role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const ava = await addUser(hub.db, { name: 'Ava Auditor', role: 'auditor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const bo = await addUser(hub.db, { name: 'Bo Auditor', role: 'auditor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
    const signIn = async (user: string) => (await hubCall(hub.url, 'POST', '/auth/sign-in', { body: { user, password: PASSWORD, deviceName: 'Laptop' } })).body.token as string;
    const [sue, danaToken, avaToken, boToken] = [await signIn('Sue Supervisor'), await signIn('Dana Coder'), await signIn('Ava Auditor'), await signIn('Bo Auditor')];
    await ingestExports(hub.db, TEST_KEY, [SYNTHEA], { by: { userId: null, deviceId: null }, now: new Date() });
    const ids = (await hub.db.query<{ id: string }>('SELECT id FROM hub_charts ORDER BY id LIMIT 4')).rows.map((r) => r.id);
    const [first, second, avasChart, untouched] = ids as [string, string, string, string];
    await hubCall(hub.url, 'POST', '/api/queue/assign', { token: sue, body: { chartIds: [first, second], userId: dana.id } });
    await hubCall(hub.url, 'POST', '/api/queue/assign', { token: sue, body: { chartIds: [avasChart], userId: ava.id } });

    // Dana codes and submits her two charts, the second one first; Ava (an auditor who also codes) submits one.
    const start = Date.now() - 30 * 60_000;
    const submittedAt = new Date(start).toISOString();
    const code = async (token: string, coding: Coding, order: (leased: { entry: ChartEntry; epoch: number }[]) => { entry: ChartEntry; epoch: number }[]) => {
      const leased = (await hubCall(hub.url, 'POST', '/api/queue/checkout', { token, body: { count: 5 } })).body.charts as { entry: ChartEntry; epoch: number }[];
      for (const [i, c] of order(leased).entries()) {
        const item = { clientId: crypto.randomUUID(), chartId: c.entry.id, epoch: c.epoch, state: submittedState(coding, submittedAt), activity: trail(c.entry.id, 1 + i * 10, start + i * 5 * 60_000) };
        const pushed = await hubCall(hub.url, 'POST', '/api/sync/push', { token, body: { items: [item] } });
        expect(pushed.body.results[0].outcome).toBe('applied');
      }
      return leased.map((c) => c.entry.id);
    };
    expect(await code(danaToken, DANA, (l) => [...l].reverse())).toEqual([first, second]);
    expect(await code(avaToken, AVA, (l) => l)).toEqual([avasChart]);
    const submitters = await hub.db.query<{ id: string; submitted_by: string | null }>('SELECT id, submitted_by FROM hub_charts WHERE id = ANY($1) ORDER BY id', [ids]);
    expect(submitters.rows).toEqual([
      { id: first, submitted_by: dana.id },
      { id: second, submitted_by: dana.id },
      { id: avasChart, submitted_by: ava.id },
      { id: untouched, submitted_by: null },
    ]);

    // Only auditors check out for audit.
    const auditCheckout = (token: string, count: number, held?: string[]) => hubCall(hub.url, 'POST', '/api/audits/checkout', { token, body: { count, held } });
    expect((await auditCheckout(danaToken, 5)).status).toBe(403);
    expect((await auditCheckout(sue, 5)).status).toBe(403);

    // Ava gets Dana's two charts, oldest submission first, with the coded state and who coded it; never her own.
    const got = await auditCheckout(avaToken, 5);
    expect(got.status).toBe(200);
    const charts = got.body.charts as AuditChart[];
    expect(charts.map((c) => c.entry.id)).toEqual([second, first]);
    for (const c of charts) {
      expect(c).toMatchObject({ coderUserId: dana.id, coderName: 'Dana Coder', state: submittedState(DANA, submittedAt) });
      expect(c.entry.tables.documents.length).toBeGreaterThan(0);
    }
    // Bo gets the one left: Ava's chart (coded by someone other than Bo); Dana's are Ava's to audit.
    const ofBo = (await auditCheckout(boToken, 5)).body.charts as AuditChart[];
    expect(ofBo.map((c) => [c.entry.id, c.coderUserId, c.coderName])).toEqual([[avasChart, ava.id, 'Ava Auditor']]);
    const leaseRows = async () => (await hub.db.query('SELECT chart_id, auditor_id FROM hub_audit_leases ORDER BY chart_id')).rows;
    expect(await leaseRows()).toEqual([
      { chart_id: first, auditor_id: ava.id },
      { chart_id: second, auditor_id: ava.id },
      { chart_id: avasChart, auditor_id: bo.id },
    ]);

    // The reply never reached Ava's desktop: holding nothing, the same two come again under the same leases.
    const again = (await auditCheckout(avaToken, 5, [])).body.charts as AuditChart[];
    expect(again).toEqual(charts);
    expect(await leaseRows()).toHaveLength(3);
    // Holding them, or without saying what it holds: nothing new to audit.
    expect((await auditCheckout(avaToken, 5, [first, second])).body.charts).toEqual([]);
    expect((await auditCheckout(avaToken, 5)).body.charts).toEqual([]);
    expect((await auditCheckout(boToken, 5, [])).body.charts.map((c: AuditChart) => c.entry.id)).toEqual([avasChart]);

    // Ava audits the first: one code Dana missed (N18.30), one she revised (E11.9 → E11.65), the rest agreed.
    const AUDITED: Coding = { diagnoses: [{ code: 'I10', poa: 'Y' }, { code: 'E11.65', poa: 'Y' }, { code: 'J45.909', poa: 'N' }, { code: 'N18.30', poa: 'Y' }], procedures: [] } as Coding;
    const auditFirst = auditOf(first, DANA, AUDITED);
    expect(auditFirst.findings.map((f) => [f.kind, f.coderLine])).toEqual([['secondary_added', null], ['secondary_revised', 1]]);
    // The second: full agreement, no findings.
    const auditSecond = auditOf(second, DANA, DANA);
    expect(auditSecond.findings).toEqual([]);
    // Bo audits Ava's chart: the principal diagnosis changed.
    const auditAvas = auditOf(avasChart, AVA, { diagnoses: [{ code: 'I50.9', poa: 'Y' }, { code: 'I10', poa: 'Y' }, { code: 'E78.5', poa: 'Y' }], procedures: [] } as Coding);
    expect(auditAvas.findings.map((f) => f.kind)).toContain('principal_changed');

    const pushAudits = (token: string, audits: AuditWire[]) => hubCall(hub.url, 'POST', '/api/audits/push', { token, body: { audits } });
    expect((await pushAudits(danaToken, [auditFirst])).status).toBe(403);
    expect(await pushAudits(avaToken, [auditFirst])).toMatchObject({ status: 200, body: { results: [{ id: auditFirst.id, outcome: 'stored' }] } });
    // A lost check-out reply now: only the chart Ava has not audited comes again (she clearly had the other).
    expect((await auditCheckout(avaToken, 5, [])).body.charts.map((c: AuditChart) => c.entry.id)).toEqual([second]);
    expect((await pushAudits(avaToken, [auditSecond])).body.results).toEqual([{ id: auditSecond.id, outcome: 'stored' }]);
    expect((await auditCheckout(avaToken, 5, [])).body.charts).toEqual([]);
    expect((await pushAudits(boToken, [auditAvas])).body.results).toEqual([{ id: auditAvas.id, outcome: 'stored' }]);

    // Kept under the hub's coder (not the desktop profile the wire names), the accuracy counts in clear, the audit sealed.
    const kept = await hub.db.query<{ id: string; chart_id: string; coder_id: string; auditor_id: string; setting: string; submitted_at: Date; accuracy_json: string; sealed: Buffer }>(
      'SELECT * FROM hub_audits WHERE id = $1', [auditFirst.id],
    );
    expect(kept.rows).toHaveLength(1);
    const row = kept.rows[0]!;
    expect(row).toMatchObject({ chart_id: first, coder_id: dana.id, auditor_id: ava.id, submitted_at: new Date(submittedAt) });
    expect(JSON.parse(row.accuracy_json)).toEqual(accuracyOf(DANA, auditFirst));
    expect(JSON.parse(row.accuracy_json)).toEqual({ codesConsidered: 4, codesAgreed: 2, changed: true });
    expect(row.sealed.includes(Buffer.from('N18.30'))).toBe(false);
    expect(unsealJson<AuditWire>(TEST_KEY, `audit:${auditFirst.id}`, row.sealed)).toEqual(auditFirst);

    // The supervisor's report: the same figures the shared functions give for these audits.
    const range = { from: day(start - DAY_MS), to: day(Date.now()) };
    const report = async (token: string, query = '') => {
      const r = await hubCall(hub.url, 'GET', `/api/reports/productivity?from=${range.from}&to=${range.to}${query}`, { token });
      expect(r.status).toBe(200);
      return r.body;
    };
    const figures = (accuracies: ChartAccuracy[]) => {
      const s = aggregateAccuracy(accuracies);
      return { accuracyCodeLevel: s.codeLevel.percent, accuracyRecordLevel: s.recordLevel.percent };
    };
    const coderRow = (body: { coders: { userId: string }[] }, userId: string) => body.coders.find((c) => c.userId === userId);
    const expectFigures = async (danaAudits: AuditWire[]) => {
      const danas = danaAudits.map((a) => accuracyOf(DANA, a));
      const avas = [accuracyOf(AVA, auditAvas)];
      const team = await report(sue);
      expect(team.team).toMatchObject(figures([...danas, ...avas]));
      expect(coderRow(team, dana.id)).toMatchObject(figures(danas));
      expect(coderRow(team, ava.id)).toMatchObject(figures(avas));
      // One coder chosen: that coder's audits only, for the team line too; a coder sees their own.
      const one = await report(sue, `&userId=${dana.id}`);
      expect(one.team).toMatchObject(figures(danas));
      expect((await report(danaToken)).team).toMatchObject(figures(danas));
      return team;
    };
    const before = await expectFigures([auditFirst, auditSecond]);
    // 4 + 3 codes considered, 2 + 3 agreed; one of Dana's two charts unchanged.
    expect(coderRow(before, dana.id)).toMatchObject({ accuracyCodeLevel: 71.4, accuracyRecordLevel: 50 });
    expect(coderRow(before, ava.id)).toMatchObject({ accuracyRecordLevel: 0 });

    // The same audits pushed again (a retried reply): one row each, the same report.
    const retried = await pushAudits(avaToken, [auditFirst, auditSecond, auditFirst]);
    expect(retried.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['stored', 'stored', 'stored']);
    expect((await hub.db.query('SELECT count(*)::int AS n FROM hub_audits')).rows[0].n).toBe(3);
    expect(await report(sue)).toEqual(before);

    // Dana rebutted the revision and Ava withdrew it: the audit comes again with that outcome and replaces the one kept.
    const decided = auditOf(first, DANA, AUDITED, { 'secondary_revised:E11.9': 'withdrawn' }, auditFirst.id);
    expect((await pushAudits(avaToken, [decided])).body.results).toEqual([{ id: auditFirst.id, outcome: 'stored' }]);
    expect((await hub.db.query('SELECT count(*)::int AS n FROM hub_audits')).rows[0].n).toBe(3);
    const after = await expectFigures([decided, auditSecond]);
    expect(coderRow(after, dana.id)).toMatchObject({ accuracyCodeLevel: 85.7, accuracyRecordLevel: 50 });

    // Not checked out to this auditor (Bo's, or nobody's), or a version never submitted: refused, nothing stored.
    const notMine = await pushAudits(avaToken, [auditOf(avasChart, AVA, AVA), auditOf(untouched, AVA, AVA), { ...auditOf(first, DANA, DANA), version: 2 }]);
    expect(notMine.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['refused', 'refused', 'refused']);
    expect(notMine.body.results[0].reason).toMatch(/not checked out to you for audit: nothing was stored/);
    expect(notMine.body.results[2].reason).toMatch(/no submitted version 2/);
    // Bo may not overwrite Ava's audit of Dana's chart under its id either.
    expect((await pushAudits(boToken, [{ ...decided, findings: [] }])).body.results[0].outcome).toBe('refused');
    expect((await hub.db.query('SELECT count(*)::int AS n FROM hub_audits')).rows[0].n).toBe(3);
    expect(await report(sue)).toEqual(after);

    // Audits of submissions outside the period are not in its figures.
    const earlier = await hubCall(hub.url, 'GET', `/api/reports/productivity?from=${day(start - 9 * DAY_MS)}&to=${day(start - 2 * DAY_MS)}`, { token: sue });
    expect(earlier.body.team).toMatchObject({ accuracyCodeLevel: null, accuracyRecordLevel: null });

    // The trail names ids and counts, never a code or a comment, and still verifies.
    const trailRows = (await hub.db.query<{ action: string; detail_json: string }>("SELECT action, detail_json FROM hub_audit WHERE action LIKE 'audits.%' ORDER BY seq")).rows;
    expect(trailRows.filter((r) => r.action === 'audits.push')).toHaveLength(7);
    expect(trailRows.some((r) => /N18|E11|progress note/.test(r.detail_json))).toBe(false);
    expect(JSON.parse(trailRows.find((r) => r.action === 'audits.checkout')!.detail_json)).toEqual({ charts: 2, redelivered: 0 });
    const audit = await hubCall(hub.url, 'GET', '/api/audit/verify', { token: sue });
    expect(audit.body).toMatchObject({ ok: true, brokenAt: null });
  });

  it('never gives one chart to two auditors, however many check out at once', { timeout: 120_000 }, async () => {
    const own = await startHub({ dataKey: TEST_KEY, databaseUrl: await cluster.createDatabase(), insecureLoopback: true, poolSize: 30 });
    try {
      const coder = await addUser(own.db, { name: 'Dana Coder', role: 'coder', password: PASSWORD, by: null, kdf: CHEAP_KDF });
      const auditors = [];
      for (let i = 0; i < 6; i++) {
        await addUser(own.db, { name: `Auditor ${i}`, role: 'auditor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
        auditors.push((await hubCall(own.url, 'POST', '/auth/sign-in', { body: { user: `Auditor ${i}`, password: PASSWORD, deviceName: 'Laptop' } })).body.token as string);
      }
      await ingestExports(own.db, TEST_KEY, [SYNTHEA], { by: { userId: null, deviceId: null }, now: new Date() });
      // 60 charts as Dana's pushes leave them: submitted, coded, hers.
      const ids = (await own.db.query<{ id: string }>('SELECT id FROM hub_charts ORDER BY id LIMIT 60')).rows.map((r) => r.id);
      for (const [i, id] of ids.entries()) {
        await own.db.query("UPDATE hub_charts SET status = 'submitted', submitted_by = $2, submitted_at = $3, state_sealed = $4 WHERE id = $1", [
          id, coder.id, new Date(Date.now() - (60 - i) * 60_000), sealJson(TEST_KEY, id, submittedState(DANA, new Date().toISOString())),
        ]);
      }
      // 6 devices × 3 rounds of 5, all at once: 90 asked for, 60 to audit.
      const rounds = await Promise.all(auditors.flatMap((token) => [0, 1, 2].map(() => hubCall(own.url, 'POST', '/api/audits/checkout', { token, body: { count: 5 } }))));
      expect(rounds.every((r) => r.status === 200)).toBe(true);
      const leased = rounds.flatMap((r) => (r.body.charts as AuditChart[]).map((c) => c.entry.id));
      expect(leased).toHaveLength(60);
      expect(new Set(leased).size).toBe(60);
      expect((await own.db.query('SELECT count(*)::int AS n FROM hub_audit_leases')).rows[0].n).toBe(60);
      expect((await hubCall(own.url, 'POST', '/api/audits/checkout', { token: auditors[0], body: { count: 5 } })).body.charts).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
