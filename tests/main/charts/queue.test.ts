import { describe, expect, it } from 'vitest';
import { chartListInput } from '../../../src/shared/contract';
import { listCharts } from '../../../src/main/services/charts/queue';
import { seedCharts, tempWorkspace } from '../helpers/temp';

const list = (db: Parameters<typeof listCharts>[0], input: object) => listCharts(db, chartListInput.parse(input));

describe('chart queue', () => {
  it('pages through every chart exactly once in a stable order', () => {
    const db = tempWorkspace();
    seedCharts(db, 250);
    const seen = new Set<string>();
    for (let offset = 0; offset < 250; offset += 100) {
      const page = list(db, { offset, limit: 100, sort: [{ key: 'payer', desc: false }] });
      expect(page.total).toBe(250);
      page.rows.forEach((r) => seen.add(r.id));
    }
    expect(seen.size).toBe(250);
  });

  it('sorts in the database by the requested column and direction', () => {
    const db = tempWorkspace();
    seedCharts(db, 40);
    const rows = list(db, { sort: [{ key: 'patientAge', desc: true }], limit: 40 }).rows;
    const ages = rows.map((r) => r.patientAge);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
  });

  it('filters by status and setting and quick-searches ids and payers', () => {
    const db = tempWorkspace();
    seedCharts(db, 40);
    expect(list(db, { setting: ['emergency'] }).total).toBe(10);
    expect(list(db, { status: ['submitted'] }).total).toBe(0);
    expect(list(db, { search: 'XX-000007' }).rows.map((r) => r.id)).toEqual(['XX-000007']);
    expect(list(db, { search: 'medicaid' }).total).toBe(10);
    // LIKE wildcards in the search box are literal characters, not patterns.
    expect(list(db, { search: '%' }).total).toBe(0);
  });

  it('uses an index for the default queue order (no full sort of 10,000 rows)', () => {
    const db = tempWorkspace();
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM charts ORDER BY priority ASC, due_date ASC, id ASC LIMIT 100")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX charts_priority/);
  });
});
