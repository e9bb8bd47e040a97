/**
 * Physician queries through the API on a real workspace: a draft from a template with a clinical
 * indicator cut from a document, the linter's refusals, send (the chart held awaiting the answer,
 * submit refused), answer (the chart back to the coder), close, the exports, the metrics, roles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTemplate } from '../../../src/shared/query-templates';
import type { QueryDraft } from '../../../src/shared/queries';
import { parseMessage } from '../../../src/main/services/interchange/hl7/parse-message';
import { splitMessages } from '../../../src/main/services/interchange/hl7/split-messages';
import { call, demoApp, must } from '../helpers/app';
import { twoProfiles } from '../packages/two-profiles';
import { tempDir } from '../helpers/temp';

const CHART = 'IP-260102';

async function withIndicator(app: Awaited<ReturnType<typeof demoApp>>['app']): Promise<QueryDraft> {
  const chart = await must(app, 'charts.get', { chartId: CHART });
  const sentence = 'LVEF estimated 50-55% with hypokinesis of the mid anterolateral wall.';
  const consult = await must(app, 'documents.get', { chartId: CHART, documentId: chart.documents[1]!.id });
  const start = consult.body.indexOf(sentence);
  expect(start).toBeGreaterThan(0);
  return {
    ...draftFromTemplate('heart_failure', CHART, 'Dr. Attending'),
    indicators: [{ documentId: consult.id, documentTitle: consult.title, documentDate: consult.date, start, end: start + sentence.length, text: sentence }],
  };
}

const trail = (app: Awaited<ReturnType<typeof demoApp>>['app'], prefix: string) =>
  (app.session!.db.prepare("SELECT action, detail_json FROM audit_log WHERE action LIKE ? ORDER BY seq").all(`${prefix}%`) as { action: string; detail_json: string }[]).map(
    (r) => ({ action: r.action, detail: JSON.parse(r.detail_json) as Record<string, unknown> }),
  );

describe('physician queries', () => {
  it('sends a linted query, holds the chart until the answer, then returns it to the coder', async () => {
    const { app } = await demoApp();
    const draft = await withIndicator(app);
    const saved = await must(app, 'queries.save', { draft });
    expect(saved).toMatchObject({ status: 'draft', chartId: CHART, draft: { topic: 'heart_failure', indicators: [{ text: draft.indicators[0]!.text }] } });

    const sent = await must(app, 'queries.send', { id: saved.id });
    expect(sent.query.status).toBe('sent');
    expect(sent.query.dates.sentAt).not.toBeNull();
    expect(sent.chart).toEqual({ status: 'on_hold', holdReason: 'awaiting_query', holdNote: 'Physician query sent; waiting for the answer.' });
    expect(await must(app, 'charts.get', { chartId: CHART })).toMatchObject({ status: 'on_hold', holdReason: 'awaiting_query' });
    const blocked = await call(app, 'charts.submit', { chartId: CHART });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!blocked.ok) expect(blocked.error.message).toMatch(/waiting for its answer/);

    const answered = await must(app, 'queries.answer', { id: saved.id, answer: { kind: 'option', optionIndex: 0, text: '', agreed: true } });
    expect(answered.query).toMatchObject({ status: 'answered', answer: { kind: 'option', optionIndex: 0 } });
    expect(answered.chart.status).toBe('in_progress');
    expect(await must(app, 'charts.get', { chartId: CHART })).toMatchObject({ status: 'in_progress', holdReason: null });
    expect((await must(app, 'queries.close', { id: saved.id })).query.status).toBe('closed');
    expect((await must(app, 'queries.list', { chartId: CHART })).map((q) => q.status)).toEqual(['closed']);

    // The trail holds ids, kinds and counts: never the question or the cited text.
    const entries = trail(app, 'query.');
    expect(entries.map((e) => e.action)).toEqual(['query.draft', 'query.send', 'query.answer', 'query.close']);
    expect(entries[1]!.detail).toMatchObject({ queryId: saved.id, topic: 'heart_failure', firstForChart: true });
    expect(JSON.stringify(entries)).not.toContain('hypokinesis');

    const today = new Date().toISOString().slice(0, 10);
    const report = await must(app, 'reports.productivity', { from: today, to: today });
    expect(report.team).toMatchObject({ queriesRaised: 1, queryResponseRate: 100, queryAgreementRate: 100 });
  });

  it('refuses a query with no indicator, a leading one, and one that mentions payment, each saying why, and sends nothing', async () => {
    const { app } = await demoApp();
    const draft = await withIndicator(app);
    const cases: [QueryDraft, RegExp][] = [
      [{ ...draft, indicators: [] }, /indicator/i],
      [{ ...draft, options: ['Acute on chronic diastolic heart failure'] }, /option/i],
      [{ ...draft, question: `${draft.question} This affects the DRG and reimbursement.` }, /DRG|reimbursement|payment/i],
      [{ ...draft, format: 'yes_no', options: [], yesNoPurpose: null, question: 'Does the patient have acute systolic heart failure?' }, /yes\/no|purpose/i],
    ];
    for (const [bad, why] of cases) {
      const q = await must(app, 'queries.save', { draft: bad });
      const refused = await call(app, 'queries.send', { id: q.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (!refused.ok) expect(refused.error.message).toMatch(why);
      expect((await must(app, 'queries.list', { chartId: CHART })).find((x) => x.id === q.id)?.status).toBe('draft');
    }
    expect((await must(app, 'charts.get', { chartId: CHART })).status).not.toBe('on_hold');
    expect(trail(app, 'query.send')).toEqual([]);
  });

  it('releases the hold only when the last open query is answered or cancelled, and never moves a query backwards', async () => {
    const { app } = await demoApp();
    const draft = await withIndicator(app);
    const a = await must(app, 'queries.save', { draft });
    const b = await must(app, 'queries.save', { draft: { ...draft, addressedTo: 'Dr. Consultant' } });
    await must(app, 'queries.send', { id: a.id });
    await must(app, 'queries.send', { id: b.id });
    await must(app, 'queries.cancel', { id: a.id });
    expect((await must(app, 'charts.get', { chartId: CHART })).status).toBe('on_hold');
    await must(app, 'queries.answer', { id: b.id, answer: { kind: 'undetermined', text: '', agreed: false } });
    expect((await must(app, 'charts.get', { chartId: CHART })).status).toBe('in_progress');
    expect(await call(app, 'queries.send', { id: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(app, 'queries.save', { id: b.id, draft })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const metrics = await must(app, 'reports.productivity', { from: new Date().toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) });
    // Two sent, one answered (undetermined: answered, not agreement).
    expect(metrics.team).toMatchObject({ queriesRaised: 2, queryResponseRate: 50, queryAgreementRate: 0 });
  });

  it('writes the query as HL7 MDM^T02 and as a FHIR Bundle of Communications, on the audit trail', async () => {
    const { app } = await demoApp();
    const q = await must(app, 'queries.save', { draft: await withIndicator(app) });
    await must(app, 'queries.send', { id: q.id });
    await must(app, 'queries.answer', { id: q.id, answer: { kind: 'free_text', text: 'Chronic diastolic heart failure, compensated.', agreed: true } });
    const dir = tempDir('codedesk-query-out-');
    const hl7 = path.join(dir, 'query.hl7');
    await must(app, 'queries.export', { id: q.id, format: 'hl7', path: hl7 });
    const raw = splitMessages(fs.readFileSync(hl7, 'utf8'));
    expect(raw).toHaveLength(1);
    const message = parseMessage(raw[0]!);
    expect(message).toMatchObject({ ok: true, type: 'MDM^T02' });
    expect(fs.readFileSync(hl7, 'utf8')).toContain('hypokinesis');
    const fhir = path.join(dir, 'query.json');
    await must(app, 'queries.export', { id: q.id, format: 'fhir', path: fhir });
    const bundle = JSON.parse(fs.readFileSync(fhir, 'utf8')) as { resourceType: string; entry: { resource: { resourceType: string; status: string } }[] };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Communication', 'Communication']);
    expect(trail(app, 'query.export').map((e) => e.detail.format)).toEqual(['hl7', 'fhir']);
    expect(await call(app, 'queries.export', { id: q.id, format: 'fhir', path: fhir })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('lets a supervisor read queries but not write them', async () => {
    const t = await twoProfiles();
    expect(await must(t.lead, 'queries.list', { chartId: CHART })).toEqual([]);
    const refused = await call(t.lead, 'queries.save', { draft: { ...draftFromTemplate('sepsis', CHART), indicators: [] } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.lead, 'queries.send', { id: 'Q-0123456789abcdef' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
