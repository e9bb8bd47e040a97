/**
 * The supervisor sees the team's accuracy: the supervisor's charts go to a coder and come back
 * coded; the supervisor sends them to an auditor, who audits and sends the committed audits back
 * (an audits-only package). The supervisor's accuracy and productivity then show that coder's.
 */
import { describe, expect, it } from 'vitest';
import { call, must, PASSPHRASE, testApp } from '../helpers/app';
import { file, sendWork, twoProfiles } from '../packages/two-profiles';
import { CHARTS, KEY, submitKey } from './audit-fixtures';

const today = () => new Date().toISOString().slice(0, 10);

describe('audits to the supervisor', () => {
  it('bring the team’s accuracy to the supervisor’s productivity', async () => {
    const t = await twoProfiles(); // the lead is a supervisor
    await must(t.coder, 'packages.open', { path: await sendWork(t, 'work.cdpkg', CHARTS) });
    for (const id of CHARTS) await submitKey(t.coder, id);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'result.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'result.cdpkg') });

    const auditor = testApp(t.home);
    const auditorId = (await must(auditor, 'profiles.create', { displayName: 'Ada Auditor', role: 'auditor', passphrase: PASSPHRASE, approval: { profileId: t.leadId, passphrase: PASSPHRASE } })).profile.id;
    await must(t.lead, 'packages.create', { chartIds: ['IP-260102'], recipientId: auditorId, expiresDays: 14, path: file(t, 'to-auditor.cdpkg') });
    await must(auditor, 'packages.open', { path: file(t, 'to-auditor.cdpkg') });
    const audit = await must(auditor, 'audits.start', { chartId: 'IP-260102', mode: 'review' });
    const key = KEY['IP-260102']!;
    await must(auditor, 'audits.save', { auditId: audit.id, coding: { ...key, diagnoses: key.diagnoses.slice(0, -1) } });
    await must(auditor, 'audits.commit', { auditId: audit.id });

    const before = await must(t.lead, 'audits.accuracy', { from: today(), to: today() });
    expect(before.byCoder).toEqual([]);
    const sent = await must(auditor, 'audits.send', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'audits.cdpkg') });
    expect(sent.audits).toBe(1);
    expect(await must(t.lead, 'packages.open', { path: file(t, 'audits.cdpkg') })).toMatchObject({ charts: 0, audits: 1 });

    const accuracy = await must(t.lead, 'audits.accuracy', { from: today(), to: today() });
    expect(accuracy.byCoder).toHaveLength(1);
    expect(accuracy.byCoder[0]!.summary.recordLevel).toMatchObject({ audited: 1, unchanged: 0, percent: 0 });
    const report = await must(t.lead, 'reports.productivity', { from: today(), to: today() });
    const dana = report.coders.find((c) => c.userId === t.coderId)!;
    expect(dana.accuracyRecordLevel).toBe(0);
    expect(dana.accuracyCodeLevel).toBeLessThan(100);
    // Charts to code are not for a supervisor: such a package is refused whole.
    await must(auditor, 'packages.create', { chartIds: ['IP-260102'], recipientId: t.leadId, expiresDays: 14, path: file(t, 'charts-to-lead.cdpkg') });
    const refused = await call(t.lead, 'packages.open', { path: file(t, 'charts-to-lead.cdpkg') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/only packages of audits/) } });
    // The supervisor sees the figures; the findings themselves stay between auditor and coder.
    expect(await call(t.lead, 'audits.get', { auditId: audit.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
