/**
 * The sort keys charts.list accepts. A copy of contract.ts's chartSortKeys, because importing
 * that module's values would bundle zod into the renderer; queue-columns.test.ts keeps the
 * two in step.
 */
import type { ChartSortKey } from '../../../shared/contract';

export const chartSortKeysList = [
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
] as const satisfies readonly ChartSortKey[];

// Compile-time check that no sort key of the contract is missing here.
type MissingSortKeys = Exclude<ChartSortKey, (typeof chartSortKeysList)[number]>;
export const sortKeysComplete: [MissingSortKeys] extends [never] ? true : false = true;
