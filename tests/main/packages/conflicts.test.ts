/**
 * A chart changed at home while it was out, and changed in the result too: a visible conflict
 * with both versions kept, resolved by a person, audited; never a silent overwrite.
 */
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../src/shared/domain';
import { call, must } from '../helpers/app';
import { codeAndSubmit, file, IP_CODING, saveCoding, sendWork, twoProfiles, type TwoProfiles } from './two-profiles';

const HOME: Coding = { diagnoses: [{ code: 'I21.4', poa: 'Y' }, { code: 'E11.9', poa: 'Y' }], procedures: [] };

/** The lead (an auditor, who codes) and the coder both change IP-260102; the result is applied. */
async function conflicted(): Promise<TwoProfiles & { resultPath: string }> {
  const t = await twoProfiles(undefined, 'auditor');
  await must(t.coder, 'packages.open', { path: await sendWork(t) });
  await saveCoding(t.coder, 'IP-260102', IP_CODING);
  await saveCoding(t.coder, 'ED-260301', { diagnoses: [{ code: 'R07.9', poa: null }], procedures: [] });
  const resultPath = file(t, 'result.cdpkg');
  await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: resultPath });
  await saveCoding(t.lead, 'IP-260102', HOME);
  return { ...t, resultPath };
}

describe('a chart changed at home and in the result', () => {
  it('becomes a conflict with both versions shown; the rest of the result applies; home keeps its version', async () => {
    const t = await conflicted();
    const applied = await must(t.lead, 'packages.apply', { path: t.resultPath });
    expect(applied).toMatchObject({ applied: ['ED-260301'], conflicts: ['IP-260102'] });
    expect((await must(t.lead, 'coding.get', { chartId: 'IP-260102' })).coding).toEqual(HOME);

    const conflicts = await must(t.lead, 'packages.conflicts', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      chartId: 'IP-260102',
      from: 'Dana Coder',
      home: { status: 'in_progress', coding: HOME },
      package: { status: 'in_progress', coding: IP_CODING },
    });
    // Applying the same result again changes nothing and keeps the one conflict.
    expect(await must(t.lead, 'packages.apply', { path: t.resultPath })).toMatchObject({ alreadyApplied: true });
    expect(await must(t.lead, 'packages.conflicts', {})).toHaveLength(1);
  });

  it('take package: the coder’s version replaces home’s, on the audit trail; a later unchanged result brings no new conflict', async () => {
    const t = await conflicted();
    await must(t.lead, 'packages.apply', { path: t.resultPath });
    const [c] = await must(t.lead, 'packages.conflicts', {});
    expect(await must(t.lead, 'packages.resolve', { conflictId: c!.id, keep: 'package' })).toEqual({ chartId: 'IP-260102' });
    expect((await must(t.lead, 'coding.get', { chartId: 'IP-260102' })).coding).toEqual(IP_CODING);
    expect(await must(t.lead, 'packages.conflicts', {})).toEqual([]);
    const entry = t.lead.session!.db.prepare("SELECT chart_id, detail_json FROM audit_log WHERE action = 'package.resolve'").get() as { chart_id: string; detail_json: string };
    expect(entry.chart_id).toBe('IP-260102');
    expect(JSON.parse(entry.detail_json)).toEqual({ conflictId: c!.id, keep: 'package' });

    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r2.cdpkg') });
    expect(await must(t.lead, 'packages.apply', { path: file(t, 'r2.cdpkg') })).toMatchObject({ applied: [], conflicts: [], unchanged: 3 });
  });

  it('keep home: home’s version stays; the same package version does not come back, but a newer change by the coder (who never saw home’s) is a conflict again', async () => {
    const t = await conflicted();
    await must(t.lead, 'packages.apply', { path: t.resultPath });
    const [c] = await must(t.lead, 'packages.conflicts', {});
    await must(t.lead, 'packages.resolve', { conflictId: c!.id, keep: 'home' });
    expect((await must(t.lead, 'coding.get', { chartId: 'IP-260102' })).coding).toEqual(HOME);
    const again = await call(t.lead, 'packages.resolve', { conflictId: c!.id, keep: 'package' });
    expect(again.ok ? null : again.error.code).toBe('NOT_FOUND');

    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r2.cdpkg') });
    expect(await must(t.lead, 'packages.apply', { path: file(t, 'r2.cdpkg') })).toMatchObject({ applied: [], conflicts: [] });

    const newer: Coding = { diagnoses: [{ code: 'I21.4', poa: 'N' }], procedures: [] };
    await saveCoding(t.coder, 'IP-260102', newer);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r3.cdpkg') });
    expect(await must(t.lead, 'packages.apply', { path: file(t, 'r3.cdpkg') })).toMatchObject({ applied: [], conflicts: ['IP-260102'] });
    expect((await must(t.lead, 'coding.get', { chartId: 'IP-260102' })).coding).toEqual(HOME);
    expect((await must(t.lead, 'packages.conflicts', {}))[0]).toMatchObject({ home: { coding: HOME }, package: { coding: newer } });
  });

  it('both sides submitted the same version with different codes: "take package" is refused (submissions never change), "keep home" works', async () => {
    const t = await twoProfiles(undefined, 'auditor');
    await must(t.coder, 'packages.open', { path: await sendWork(t) });
    await codeAndSubmit(t.coder, 'IP-260102', IP_CODING);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r.cdpkg') });
    await codeAndSubmit(t.lead, 'IP-260102', HOME);
    expect(await must(t.lead, 'packages.apply', { path: file(t, 'r.cdpkg') })).toMatchObject({ conflicts: ['IP-260102'] });
    const [c] = await must(t.lead, 'packages.conflicts', {});
    const take = await call(t.lead, 'packages.resolve', { conflictId: c!.id, keep: 'package' });
    expect(take.ok ? null : take.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Both sides submitted version 1/) });
    expect((await must(t.lead, 'charts.versions', { chartId: 'IP-260102' })).submissions.map((x) => x.coding)).toEqual([HOME]);
    await must(t.lead, 'packages.resolve', { conflictId: c!.id, keep: 'home' });
    expect(await must(t.lead, 'packages.conflicts', {})).toEqual([]);
  });
});
