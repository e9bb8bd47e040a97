/**
 * The sort keys charts.list accepts. A module of their own, free of zod, so the renderer can
 * use the same list contract.ts validates with, without bundling the contract's schemas.
 */
export const chartSortKeys = [
  'id',
  'patientAge',
  'setting',
  'admitDate',
  'dischargeDate',
  'payer',
  'priority',
  'dueDate',
  'status',
  'assignee',
] as const;
export type ChartSortKey = (typeof chartSortKeys)[number];
