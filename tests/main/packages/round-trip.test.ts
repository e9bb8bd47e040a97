/** Package → open as the coder → code and submit → result → apply, with two real encrypted workspaces on one computer. */
import { describe, expect, it } from 'vitest';
import type { CodeDeskApp } from '../../../src/main/app';
import { must } from '../helpers/app';
import { CHARTS, codeAndSubmit, file, IP_CODING, saveCoding, sendWork, twoProfiles } from './two-profiles';

const actions = (app: CodeDeskApp, action: string) =>
  (app.session!.db.prepare('SELECT detail_json FROM audit_log WHERE action = ? ORDER BY seq').pluck().all(action) as string[]).map((d) => JSON.parse(d) as Record<string, unknown>);

describe('a work package and its result', () => {
  it('carries charts with their documents to the coder and the coded work back to the lead', async () => {
    const t = await twoProfiles();
    const work = file(t, 'work.cdpkg');
    const made = await must(t.lead, 'packages.create', { chartIds: CHARTS, recipientId: t.coderId, expiresDays: 14, path: work });
    expect(made).toMatchObject({ charts: 3, seq: 1, recipient: { displayName: 'Dana Coder', source: 'local' } });
    expect(made.codeSets.map((c) => c.system).sort()).toEqual(expect.arrayContaining(['icd10cm']));
    // At home the queue shows who has the charts now.
    expect((await must(t.lead, 'charts.get', { chartId: 'IP-260102' })).assignee).toBe('Dana Coder');

    const opened = await must(t.coder, 'packages.open', { path: work });
    expect(opened).toMatchObject({ charts: 3, alreadyOpened: false, sender: { displayName: 'Lee Lead' }, missingCodeSets: [] });
    const chart = await must(t.coder, 'charts.get', { chartId: 'IP-260102' });
    expect(chart.assignee).toBe('Dana Coder');
    const leadChart = await must(t.lead, 'charts.get', { chartId: 'IP-260102' });
    expect(chart.documents).toEqual(leadChart.documents);
    const doc = chart.documents[0]!;
    expect((await must(t.coder, 'documents.get', { chartId: 'IP-260102', documentId: doc.id })).body).toBe(
      (await must(t.lead, 'documents.get', { chartId: 'IP-260102', documentId: doc.id })).body,
    );
    expect(actions(t.coder, 'package.open')).toEqual([
      { packageId: made.packageId, senderId: t.leadId, charts: 3, missingCodeSets: 0 },
      ...CHARTS.map(() => ({ packageId: made.packageId, assignedAt: opened.assignedAt })),
    ]);

    await codeAndSubmit(t.coder, 'IP-260102', IP_CODING);
    await must(t.coder, 'charts.hold', { chartId: 'ED-260301', reason: 'awaiting_query', note: 'Query sent' });
    const result = await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'result.cdpkg') });
    expect(result).toMatchObject({ charts: 3, seq: 1 });
    expect(result.activity).toBeGreaterThan(3);

    const applied = await must(t.lead, 'packages.apply', { path: file(t, 'result.cdpkg') });
    expect(applied).toMatchObject({ alreadyApplied: false, applied: ['ED-260301', 'IP-260102'], conflicts: [], unchanged: 1 });
    const home = await must(t.lead, 'charts.versions', { chartId: 'IP-260102' });
    expect(home.submissions.map((s) => [s.version, s.coding])).toEqual([[1, IP_CODING]]);
    expect(await must(t.lead, 'charts.get', { chartId: 'ED-260301' })).toMatchObject({ status: 'on_hold', holdReason: 'awaiting_query' });
    expect(actions(t.lead, 'package.apply')).toEqual([
      { packageId: result.packageId, seq: 1, applied: 2, conflicts: 0, unchanged: 1, activity: applied.activity },
      { packageId: result.packageId, outcome: 'applied' },
      { packageId: result.packageId, outcome: 'applied' },
    ]);
    const activity = t.lead.session!.db.prepare('SELECT action FROM package_activity WHERE sender_id = ?').pluck().all(t.coderId) as string[];
    expect(activity).toEqual(expect.arrayContaining(['chart.open', 'coding.change', 'chart.submit', 'chart.hold']));
    expect((await must(t.lead, 'audit.verify', {})).ok).toBe(true);
    expect((await must(t.coder, 'audit.verify', {})).ok).toBe(true);
  });

  it('applies a later result over an earlier one (results are cumulative) and says so when one is applied twice', async () => {
    const t = await twoProfiles();
    await must(t.coder, 'packages.open', { path: await sendWork(t) });
    await saveCoding(t.coder, 'IP-260102', IP_CODING);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r1.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'r1.cdpkg') });
    const trail = (await must(t.lead, 'audit.verify', {})).entries;

    const again = await must(t.lead, 'packages.apply', { path: file(t, 'r1.cdpkg') });
    expect(again).toMatchObject({ alreadyApplied: true, applied: [], conflicts: [] });
    expect((await must(t.lead, 'audit.verify', {})).entries).toBe(trail); // changes nothing, not even the trail

    await codeAndSubmit(t.coder, 'IP-260102', IP_CODING);
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r2.cdpkg') });
    expect(await must(t.lead, 'packages.apply', { path: file(t, 'r2.cdpkg') })).toMatchObject({ seq: 2, applied: ['IP-260102'], conflicts: [] });
    expect((await must(t.lead, 'charts.get', { chartId: 'IP-260102' })).status).toBe('submitted');
    const log = await must(t.lead, 'packages.log', {});
    expect(log.map((l) => [l.kind, l.direction, l.seq])).toEqual([
      ['result', 'applied', 2],
      ['result', 'applied', 1],
      ['work', 'sent', 1],
    ]);
  });

  it('opening the same work package twice imports nothing the second time', async () => {
    const t = await twoProfiles();
    const work = await sendWork(t);
    await must(t.coder, 'packages.open', { path: work });
    await saveCoding(t.coder, 'IP-260102', IP_CODING);
    expect(await must(t.coder, 'packages.open', { path: work })).toMatchObject({ alreadyOpened: true, charts: 3 });
    expect((await must(t.coder, 'coding.get', { chartId: 'IP-260102' })).coding).toEqual(IP_CODING);
    expect((await must(t.coder, 'charts.list', {})).total).toBe(3);
  });
});
