/**
 * Second-level audits through the API on real workspaces: a coder's submitted charts reach the
 * auditor in a result package; the auditor draws a seeded sample, re-codes blind, commits; the
 * typed findings and both accuracy measures follow. Each refusal is tested.
 */
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../src/shared/domain';
import { auditsWith, mergeAudits } from '../../../src/main/services/audits/audit-wire';
import { call, must } from '../helpers/app';
import { codedesk } from '../helpers/cli';
import { file, sendWork, twoProfiles } from '../packages/two-profiles';
import { CHARTS, KEY, submitKey } from './audit-fixtures';

/** An auditor who sent three charts to a coder and applied the coded result. */
async function auditorWithWork() {
  const t = await twoProfiles(undefined, 'auditor');
  await must(t.coder, 'packages.open', { path: await sendWork(t, 'work.cdpkg', CHARTS) });
  for (const id of CHARTS) await submitKey(t.coder, id);
  await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'result.cdpkg') });
  await must(t.lead, 'packages.apply', { path: file(t, 'result.cdpkg') });
  return t;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('second-level audits', () => {
  it('draws the same sample for the same seed, and refuses a sample larger than the charts', async () => {
    const t = await auditorWithWork();
    const a = await must(t.lead, 'audits.sample', { size: { count: 2 }, seed: 'week-49' });
    expect(a).toMatchObject({ seed: 'week-49', population: 3 });
    expect(a.chartIds).toHaveLength(2);
    expect((await must(t.lead, 'audits.sample', { size: { count: 2 }, seed: 'week-49' })).chartIds).toEqual(a.chartIds);
    const random = await must(t.lead, 'audits.sample', { size: { percent: 100 } });
    expect(random.seed).toMatch(/^[0-9a-f]{8}$/);
    expect(random.chartIds).toEqual([...CHARTS].sort());
    const tooMany = await call(t.lead, 'audits.sample', { size: { count: 4 }, seed: 'x' });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!tooMany.ok) expect(tooMany.error.message).toMatch(/larger than the population/);
    expect(await call(t.coder, 'audits.sample', { size: { count: 1 } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('re-codes blind, commits, and scores the typed differences at code and record level', async () => {
    const t = await auditorWithWork();
    const started = await must(t.lead, 'audits.start', { chartId: 'IP-260102', mode: 'blind' });
    expect(started).toMatchObject({ status: 'in_progress', coderCoding: null, auditorCoding: { diagnoses: [], procedures: [] }, coderId: t.coderId });
    const coder = KEY['IP-260102']!;
    // The auditor's codes: the coder's, less the last secondary diagnosis, plus one more.
    const auditor: Coding = { ...coder, diagnoses: [...coder.diagnoses.slice(0, -1), { code: 'Z79.84', poa: 'Y' }] };
    expect(await call(t.lead, 'audits.commit', { auditId: started.id })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    await must(t.lead, 'audits.save', { auditId: started.id, coding: auditor });
    const done = await must(t.lead, 'audits.commit', { auditId: started.id });
    expect(done.status).toBe('committed');
    expect(done.coderCoding).toEqual(coder);
    const kinds = done.findings.map((f) => f.kind).sort();
    expect(kinds).toEqual(['secondary_added', 'secondary_deleted']);
    const codes = coder.diagnoses.length + coder.procedures.length;
    expect(done.accuracy).toEqual({ codesConsidered: codes + 1, codesAgreed: codes - 1, changed: true });

    const review = await must(t.lead, 'audits.start', { chartId: 'ED-260301', mode: 'review' });
    expect(review.auditorCoding).toEqual(KEY['ED-260301']);
    expect((await must(t.lead, 'audits.commit', { auditId: review.id })).findings).toEqual([]);

    const accuracy = await must(t.lead, 'audits.accuracy', { from: today(), to: today() });
    expect(accuracy.team.recordLevel).toMatchObject({ unchanged: 1, audited: 2, percent: 50 });
    const considered = codes + 1 + KEY['ED-260301']!.diagnoses.length + KEY['ED-260301']!.procedures.length;
    expect(accuracy.team.codeLevel).toMatchObject({ considered, agreed: considered - 2 });
    expect(accuracy.team.codeLevel.ci!.low).toBeLessThan(accuracy.team.codeLevel.percent!);
    expect(accuracy.byCoder.map((g) => g.key)).toEqual([t.coderId]);
    // Accuracy beside productivity: once the audits reach the coder, their units scaled by their code-level accuracy.
    await must(t.lead, 'audits.send', { recipientId: t.coderId, expiresDays: 14, path: file(t, 'findings.cdpkg') });
    await must(t.coder, 'packages.open', { path: file(t, 'findings.cdpkg') });
    const figures = await must(t.coder, 'reports.productivity', { from: today(), to: today() });
    const dana = figures.coders.find((c) => c.userId === t.coderId)!;
    expect(dana.accuracyCodeLevel).toBe(accuracy.team.codeLevel.percent);
    expect(dana.accuracyRecordLevel).toBe(50);
    expect(dana.accuracyAdjustedUnits).toBeCloseTo((dana.weightedUnits * dana.accuracyCodeLevel!) / 100, 2);
    expect(figures.team.accuracyCodeLevel).toBe(accuracy.team.codeLevel.percent);
    // The auditor's day figures count the charts audited.
    expect((await must(t.lead, 'reports.productivity', { from: today(), to: today(), coderId: t.leadId })).team.chartsAudited).toBe(2);
  });

  it('refuses an auditor coding a chart they audit, auditing their own coding, and a committed audit changed', async () => {
    const t = await auditorWithWork();
    const a = await must(t.lead, 'audits.start', { chartId: 'IP-260102', mode: 'blind' });
    const { revision } = await must(t.lead, 'coding.get', { chartId: 'IP-260102' });
    expect(await call(t.lead, 'coding.save', { chartId: 'IP-260102', revision, coding: KEY['IP-260102']! })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await must(t.lead, 'audits.save', { auditId: a.id, coding: KEY['IP-260102']! });
    await must(t.lead, 'audits.commit', { auditId: a.id });
    expect(await call(t.lead, 'audits.save', { auditId: a.id, coding: KEY['IP-260102']! })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // The auditor codes a chart themselves: never in their sample, never theirs to audit.
    await submitKey(t.lead, 'IP-260101');
    expect((await must(t.lead, 'audits.sample', { size: { percent: 100 }, seed: 's' })).chartIds).not.toContain('IP-260101');
    const own = await call(t.lead, 'audits.start', { chartId: 'IP-260101', mode: 'review' });
    expect(own).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!own.ok) expect(own.error.message).toMatch(/own coding/);
    expect(await call(t.coder, 'audits.start', { chartId: 'IP-260102', mode: 'blind' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.coder, 'audits.accuracy', { from: today(), to: today(), coderId: t.leadId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('travels to the coder, who agrees or rebuts; the auditor withdraws one; the score follows the final outcome', async () => {
    const t = await auditorWithWork();
    const started = await must(t.lead, 'audits.start', { chartId: 'IP-260102', mode: 'blind' });
    const coder = KEY['IP-260102']!;
    await must(t.lead, 'audits.save', { auditId: started.id, coding: { ...coder, diagnoses: [...coder.diagnoses.slice(0, -1), { code: 'Z79.84', poa: 'Y' }] } });
    const committed = await must(t.lead, 'audits.commit', { auditId: started.id });
    const [added, deleted] = [committed.findings.find((f) => f.kind === 'secondary_added')!, committed.findings.find((f) => f.kind === 'secondary_deleted')!];
    expect(await call(t.coder, 'audits.list', {})).toMatchObject({ ok: true, value: [] });

    // Findings to the coder in a work package that carries no charts.
    const findings = file(t, 'findings.cdpkg');
    expect(await must(t.lead, 'audits.send', { recipientId: t.coderId, expiresDays: 14, path: findings })).toMatchObject({ audits: 1 });
    expect(await must(t.coder, 'packages.open', { path: findings })).toMatchObject({ charts: 0, audits: 1 });
    const [mine] = await must(t.coder, 'audits.list', {});
    expect(mine).toMatchObject({ id: started.id, status: 'committed', coderCoding: coder });

    const noComment = await call(t.coder, 'audits.respond', { auditId: started.id, findingId: deleted.id, response: 'rebut', comment: '  ' });
    expect(noComment).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!noComment.ok) expect(noComment.error.message).toMatch(/needs a comment/);
    await must(t.coder, 'audits.respond', { auditId: started.id, findingId: added.id, response: 'agree' });
    await must(t.coder, 'audits.respond', { auditId: started.id, findingId: deleted.id, response: 'rebut', comment: 'Documented in the discharge summary as a current condition.' });
    expect(await call(t.coder, 'audits.decide', { auditId: started.id, findingId: deleted.id, decision: 'withdraw' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The responses back in the coder's result package; the auditor withdraws the rebutted finding.
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'result2.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'result2.cdpkg') });
    const answered = await must(t.lead, 'audits.get', { auditId: started.id });
    expect(answered.findings.map((f) => [f.kind, f.outcome])).toEqual(expect.arrayContaining([['secondary_added', 'agreed'], ['secondary_deleted', 'rebutted']]));
    expect(answered.findings.find((f) => f.id === deleted.id)?.coderComment).toMatch(/discharge summary/);
    const before = answered.accuracy!;
    const decided = await must(t.lead, 'audits.decide', { auditId: started.id, findingId: deleted.id, decision: 'withdraw', comment: 'Agreed on review.' });
    expect(decided.accuracy).toEqual({ codesConsidered: before.codesConsidered, codesAgreed: before.codesAgreed + 1, changed: true });
    expect(await call(t.lead, 'audits.decide', { auditId: started.id, findingId: added.id, decision: 'withdraw' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // The decision reaches the coder; a coder's package can never withdraw a finding itself.
    await must(t.lead, 'audits.send', { recipientId: t.coderId, expiresDays: 14, path: file(t, 'findings2.cdpkg') });
    await must(t.coder, 'packages.open', { path: file(t, 'findings2.cdpkg') });
    const [final] = await must(t.coder, 'audits.list', {});
    expect(final!.findings.find((f) => f.id === deleted.id)).toMatchObject({ outcome: 'withdrawn', auditorComment: 'Agreed on review.' });
    const trail = t.lead.session!.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'audit.%' ORDER BY seq").pluck().all();
    expect(trail).toEqual(['audit.start', 'audit.save', 'audit.complete', 'audit.decide']);
  });

  it('takes from a package only the moves its sender may make', async () => {
    const t = await auditorWithWork();
    const a = await must(t.lead, 'audits.start', { chartId: 'IP-260102', mode: 'review' });
    await must(t.lead, 'audits.save', { auditId: a.id, coding: { ...KEY['IP-260102']!, diagnoses: KEY['IP-260102']!.diagnoses.slice(0, -1) } });
    await must(t.lead, 'audits.commit', { auditId: a.id });
    const db = t.lead.session!.db;
    const [wire] = auditsWith(db, t.coderId);
    const forged = { ...wire!, findings: wire!.findings.map((f) => ({ ...f, outcome: 'withdrawn' as const })) };
    expect(mergeAudits(db, [forged], t.coderId)).toBe(0); // a coder cannot withdraw
    expect(mergeAudits(db, [{ ...wire!, findings: wire!.findings.map((f) => ({ ...f, outcome: 'agreed' as const })) }], 'someone-else')).toBe(0);
    expect((await must(t.lead, 'audits.get', { auditId: a.id })).findings.every((f) => f.outcome === 'open')).toBe(true);
  });

  it('codedesk audit sample: the same sample for the same seed, refused for a coder', { timeout: 120_000 }, async () => {
    const t = await auditorWithWork();
    t.lead.close();
    t.coder.close();
    const run = (user: string, extra: string[]) => codedesk(t.home, ['audit', 'sample', '--user', user, ...extra]);
    const first = run('Lee Lead', ['--size', '2', '--seed', 'q4', '--json']);
    expect(first.stderr).toBe('');
    const second = run('Lee Lead', ['--size', '2', '--seed', 'q4', '--json']);
    expect(JSON.parse(second.stdout).chartIds).toEqual(JSON.parse(first.stdout).chartIds);
    expect(JSON.parse(first.stdout)).toMatchObject({ seed: 'q4', population: 3 });
    const coder = run('Dana Coder', ['--size', '1']);
    expect(coder.status).toBe(2);
    expect(coder.stderr).toMatch(/coder role may not/);
    expect(run('Lee Lead', ['--size', '9', '--seed', 'q4']).stderr).toMatch(/larger than the population/);
  });
});
