/** Diagnosis pointers stored with a pro-fee chart's coding (encrypted workspace), on the trail, checked on validate. */
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../src/shared/domain';
import { call, demoApp, must } from '../helpers/app';
import { RESOURCES } from '../helpers/temp';
import { answerKey } from '../fault/chart-copies';

const PRO_FEE = 'PF-260401';

describe('coding.save with diagnosis pointers', () => {
  it('stores them by code, records the change on the trail, and validate reports a removed diagnosis', async () => {
    const { app } = await demoApp();
    const line = { system: 'hcpcs' as const, code: 'G2211', modifiers: [], units: 1, date: null };
    let { revision } = await must(app, 'coding.save', {
      chartId: PRO_FEE,
      revision: 0,
      coding: { diagnoses: [{ code: 'E11.22', poa: null }, { code: 'I10', poa: null }], procedures: [{ ...line, pointers: ['e11.22', 'I10'] }] },
    });
    const saved = await must(app, 'coding.get', { chartId: PRO_FEE });
    expect(saved.coding.procedures[0]!.pointers).toEqual(['E11.22', 'I10']);
    const detail = app.session!.db.prepare("SELECT detail_json FROM audit_log WHERE action = 'coding.change' ORDER BY seq DESC LIMIT 1").get() as { detail_json: string };
    expect(detail.detail_json).toContain('dx=E11.22+I10');
    expect((await must(app, 'coding.validate', { chartId: PRO_FEE })).filter((p) => p.rule.startsWith('px.pointer'))).toEqual([]);

    ({ revision } = await must(app, 'coding.save', {
      chartId: PRO_FEE,
      revision,
      coding: { diagnoses: [{ code: 'I10', poa: null }], procedures: [{ ...line, pointers: ['E11.22', 'I10'] }] },
    }));
    const problems = await must(app, 'coding.validate', { chartId: PRO_FEE });
    expect(problems.filter((p) => p.rule.startsWith('px.pointer'))).toEqual([expect.objectContaining({ rule: 'px.pointer-dangling', severity: 'error', codes: ['G2211', 'E11.22'] })]);
    expect(await must(app, 'charts.submit', { chartId: PRO_FEE })).toMatchObject({ submitted: false });
  });

  it('refuses more than 4 pointers or the same one twice, keeping what was saved', async () => {
    const { app } = await demoApp();
    const line = { system: 'cpt' as const, code: '99214', modifiers: [], units: 1, date: null };
    const dx = [{ code: 'E11.22', poa: null }];
    for (const pointers of [['A1', 'B1', 'C1', 'D1', 'E1'], ['I10', 'I10']]) {
      const out = await call(app, 'coding.save', { chartId: PRO_FEE, revision: 0, coding: { diagnoses: dx, procedures: [{ ...line, pointers }] } });
      expect(out).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    expect(await must(app, 'coding.get', { chartId: PRO_FEE })).toEqual({ coding: { diagnoses: [], procedures: [] }, revision: 0 });
  });
});

describe('the demo answer codings', () => {
  // Only the pointer edits: the demo subset's modifier list (QW on PF-260401) is item 8's, not this one's.
  it('of the pro-fee charts carry pointers that pass the pointer edits', async () => {
    const { app } = await demoApp();
    const answers = [...answerKey(RESOURCES)].filter(([id]) => id.startsWith('PF-')) as [string, Coding][];
    expect(answers.length).toBeGreaterThanOrEqual(10);
    for (const [chartId, coding] of answers) {
      await must(app, 'coding.save', { chartId, revision: 0, coding });
      const errors = (await must(app, 'coding.validate', { chartId })).filter((p) => p.rule.startsWith('px.pointer'));
      expect(errors.map((p) => `${chartId} ${p.rule} ${p.codes.join(',')}`)).toEqual([]);
    }
  });
});
