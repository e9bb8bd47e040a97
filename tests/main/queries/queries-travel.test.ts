/**
 * Queries travel in packages: the coder's result brings the lead each query as it stands (sent,
 * then answered), a work package takes a chart's queries to the next coder, an older copy never
 * undoes a newer one, and a package cannot carry queries for charts it does not hold.
 */
import { describe, expect, it } from 'vitest';
import type { CodeDeskApp } from '../../../src/main/app';
import { mergeQueries, queriesOf, queryWireSchema, strayQueries } from '../../../src/main/services/queries/query-wire';
import type { QueryDraft } from '../../../src/shared/queries';
import { draftFromTemplate } from '../../../src/shared/query-templates';
import { must, PASSPHRASE, testApp } from '../helpers/app';
import { file, sendWork, twoProfiles } from '../packages/two-profiles';

const CHART = 'IP-260102';

async function draftWithIndicator(app: CodeDeskApp): Promise<QueryDraft> {
  const chart = await must(app, 'charts.get', { chartId: CHART });
  const doc = await must(app, 'documents.get', { chartId: CHART, documentId: chart.documents[1]!.id });
  const sentence = 'LVEF estimated 50-55% with hypokinesis of the mid anterolateral wall.';
  const start = doc.body.indexOf(sentence);
  return {
    ...draftFromTemplate('heart_failure', CHART, 'Dr. Attending'),
    indicators: [{ documentId: doc.id, documentTitle: doc.title, documentDate: doc.date, start, end: start + sentence.length, text: sentence }],
  };
}

describe('queries in packages', () => {
  it('reach the lead with the result, move forward only, and go on to the next coder with the chart', async () => {
    const t = await twoProfiles();
    await must(t.coder, 'packages.open', { path: await sendWork(t) });
    const draft = await draftWithIndicator(t.coder);
    const q = await must(t.coder, 'queries.save', { draft });
    await must(t.coder, 'queries.send', { id: q.id });

    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r1.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'r1.cdpkg') });
    const atLead = await must(t.lead, 'queries.list', { chartId: CHART });
    expect(atLead).toHaveLength(1);
    expect(atLead[0]).toMatchObject({ id: q.id, status: 'sent', createdBy: t.coderId, draft: { question: draft.question, indicators: [{ text: draft.indicators[0]!.text }] } });
    expect(await must(t.lead, 'charts.get', { chartId: CHART })).toMatchObject({ status: 'on_hold', holdReason: 'awaiting_query' });
    const sentCopy = queriesOf(t.lead.session!.db, [CHART]);

    await must(t.coder, 'queries.answer', { id: q.id, answer: { kind: 'option', optionIndex: 0, text: '', agreed: true } });
    await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'r2.cdpkg') });
    await must(t.lead, 'packages.apply', { path: file(t, 'r2.cdpkg') });
    const answered = (await must(t.lead, 'queries.list', { chartId: CHART }))[0]!;
    expect(answered).toMatchObject({ status: 'answered', answer: { kind: 'option', optionIndex: 0, agreed: true } });
    expect(answered.dates.answeredAt).not.toBeNull();

    // An older copy (the one that said "sent") changes nothing.
    expect(mergeQueries(t.lead.session!.db, sentCopy)).toBe(0);
    expect((await must(t.lead, 'queries.list', { chartId: CHART }))[0]!.status).toBe('answered');

    // The lead hands the chart to a second coder: its query history goes with it.
    const second = testApp(t.home);
    const secondId = (await must(second, 'profiles.create', { displayName: 'Sam Second', role: 'coder', passphrase: PASSPHRASE })).profile.id;
    await must(t.lead, 'packages.create', { chartIds: [CHART], recipientId: secondId, expiresDays: 14, path: file(t, 'w2.cdpkg') });
    await must(second, 'packages.open', { path: file(t, 'w2.cdpkg') });
    expect(await must(second, 'queries.list', { chartId: CHART })).toEqual(await must(t.lead, 'queries.list', { chartId: CHART }));
    expect((await must(t.lead, 'audit.verify', {})).ok).toBe(true);
  });

  it('refuses a package that carries queries for charts it does not hold, and a malformed query', () => {
    const wire = {
      id: 'Q-0123456789abcdef',
      chartId: 'ED-260301',
      createdBy: 'someone',
      status: 'sent' as const,
      draft: { ...draftFromTemplate('sepsis', 'ED-260301', 'Dr. A'), indicators: [] },
      answer: null,
      createdAt: '2026-12-01T10:00:00.000Z',
      sentAt: '2026-12-01T10:05:00.000Z',
      answeredAt: null,
      cancelledAt: null,
      closedAt: null,
      updatedAt: '2026-12-01T10:05:00.000Z',
    };
    expect(queryWireSchema.safeParse(wire).success).toBe(true);
    expect(strayQueries([wire], ['IP-260102'])).toBe(1);
    expect(strayQueries([wire], ['ED-260301'])).toBe(0);
    // A query whose draft names another chart, or a status outside the flow, is not a query.
    expect(queryWireSchema.safeParse({ ...wire, chartId: 'IP-260102' }).success).toBe(false);
    expect(queryWireSchema.safeParse({ ...wire, status: 'deleted' }).success).toBe(false);
  });
});
