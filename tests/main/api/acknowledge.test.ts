import { describe, expect, it } from 'vitest';
import { problemKey } from '../../../src/shared/domain';
import { call, demoApp, must } from '../helpers/app';

describe('warnings at submit', () => {
  it('block until acknowledged; the acknowledgement is on the audit trail', async () => {
    const { app } = await demoApp();
    const chartId = 'IP-260102';
    // Y on a POA-exempt code (the demo POA-exempt list holds Z79.4): a warning, not an error.
    await must(app, 'coding.save', { chartId, revision: 0, coding: { diagnoses: [{ code: 'I21.4', poa: 'Y' }, { code: 'Z79.4', poa: 'Y' }], procedures: [] } });
    const first = await must(app, 'charts.submit', { chartId });
    expect(first.submitted).toBe(false);
    expect(first.problems.length).toBeGreaterThan(0);
    expect(first.problems.every((p) => p.severity === 'warning')).toBe(true);
    const keys = first.problems.map(problemKey);
    const partial = await must(app, 'charts.submit', { chartId, acknowledgedWarnings: keys.slice(1) });
    expect(partial.submitted).toBe(false);
    expect(await call(app, 'charts.submit', { chartId, acknowledgedWarnings: [42] as never })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    const done = await must(app, 'charts.submit', { chartId, acknowledgedWarnings: keys });
    expect(done.submitted).toBe(true);
    const last = app.session!.db.prepare("SELECT detail_json FROM audit_log WHERE action = 'chart.submit'").get() as { detail_json: string };
    expect(JSON.parse(last.detail_json).acknowledgedWarnings).toEqual(first.problems.map((p) => p.rule));
  });
});
