/**
 * The demo charts as queue rows, and a fake charts.list that sorts, filters and pages them the
 * way the database does (ties broken by id), so a test sees the rows in the demo's real order.
 */
import type { MethodInput, MethodOutput } from '../../../src/shared/contract';
import type { ChartRow } from '../../../src/shared/domain';

declare global {
  interface ImportMeta {
    /** Vite's (and so vitest's) build-time file glob. */
    glob(pattern: string, options: { eager: true; import: 'default' }): Record<string, unknown>;
  }
}

const DEMO_CHARTS = import.meta.glob('../../../resources/demo/charts/*.json', { eager: true, import: 'default' });

interface DemoChart {
  id: string;
  patient: { age: number; sex: ChartRow['patientSex'] };
  setting: ChartRow['setting'];
  admitDate: string;
  dischargeDate: string;
  payer: string;
  priority: number;
  dueInDays: number;
}

const day = (offset: number) => new Date(Date.UTC(2026, 9, 1 + offset)).toISOString().slice(0, 10);

export function demoRows(): ChartRow[] {
  return Object.values(DEMO_CHARTS)
    .map((c) => c as DemoChart)
    .map((c): ChartRow => ({
      id: c.id,
      version: 1,
      patientAge: c.patient.age,
      patientSex: c.patient.sex,
      setting: c.setting,
      admitDate: c.admitDate,
      dischargeDate: c.dischargeDate,
      payer: c.payer,
      priority: c.priority,
      dueDate: day(c.dueInDays),
      status: 'new',
      assignee: 'Dana Coder',
    }));
}

/** charts.list over `charts` (mutable: a test may change a status as the host would). */
export function fakeList(charts: ChartRow[]) {
  return (input: MethodInput<'charts.list'>): MethodOutput<'charts.list'> => {
    const sort = input.sort ?? [{ key: 'priority', desc: false }];
    const words = (input.search ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
    const matches = charts.filter(
      (c) =>
        (!input.status?.length || input.status.includes(c.status)) &&
        (!input.setting?.length || input.setting.includes(c.setting)) &&
        words.every((w) => [c.id, c.payer, c.assignee, c.setting].some((v) => v.toLowerCase().includes(w))),
    );
    const order = [...sort, { key: 'id' as const, desc: false }];
    matches.sort((a, b) => {
      for (const { key, desc } of order) {
        const x = a[key];
        const y = b[key];
        if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
      }
      return 0;
    });
    const offset = input.offset ?? 0;
    return { rows: matches.slice(offset, offset + (input.limit ?? 100)), total: matches.length };
  };
}
