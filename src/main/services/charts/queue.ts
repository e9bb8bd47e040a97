/**
 * The chart queue: filtered, searched, sorted and paged by the database (never in the
 * renderer), so 10,000 charts cost one indexed query per page.
 */
import type { WorkspaceDb } from '../db/handles';
import { rows, value, type SqlValue } from '../db/rows';
import type { ChartSortKey, MethodParsedInput } from '../../../shared/contract';
import type { ChartRow } from '../../../shared/domain';
import { CHART_ROW_COLUMNS, toChartRow, type ChartRecord } from './rows';

type ListInput = MethodParsedInput<'charts.list'>;

/** Sort keys map to fixed column names: user input never reaches the SQL text. */
const SORT_COLUMNS: Record<ChartSortKey, string> = {
  id: 'id',
  patientAge: 'patient_age',
  setting: 'setting',
  admitDate: 'admit_date',
  dischargeDate: 'discharge_date',
  payer: 'payer',
  priority: 'priority',
  dueDate: 'due_date',
  status: 'status',
  assignee: 'assignee',
};

/** One primary-key probe per row of the page (chart_sources is keyed by chart id). */
const SOURCE_CHANGED = 'EXISTS (SELECT 1 FROM chart_sources s WHERE s.chart_id = charts.id AND s.changed_after_submit_at IS NOT NULL)';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function buildQueueFilter(input: Pick<ListInput, 'search' | 'status' | 'setting' | 'payer'>): {
  where: string;
  params: SqlValue[];
} {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (input.status.length > 0) {
    clauses.push(`status IN (${input.status.map(() => '?').join(', ')})`);
    params.push(...input.status);
  }
  if (input.setting.length > 0) {
    clauses.push(`setting IN (${input.setting.map(() => '?').join(', ')})`);
    params.push(...input.setting);
  }
  if (input.payer.trim()) {
    clauses.push('payer = ?');
    params.push(input.payer.trim());
  }
  const words = input.search.trim().split(/\s+/).filter(Boolean);
  for (const word of words) {
    const like = `%${escapeLike(word)}%`;
    clauses.push(`(id LIKE ? ESCAPE '\\' OR payer LIKE ? ESCAPE '\\' OR assignee LIKE ? ESCAPE '\\' OR setting LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function listCharts(db: WorkspaceDb, input: ListInput): { rows: ChartRow[]; total: number } {
  const { where, params } = buildQueueFilter(input);
  const order = input.sort.map((s) => `${SORT_COLUMNS[s.key]} ${s.desc ? 'DESC' : 'ASC'}`);
  // Ties break by id so pages never overlap or skip rows.
  if (!input.sort.some((s) => s.key === 'id')) order.push('id ASC');
  const orderBy = order.join(', ');
  // Deferred join: page through the (covering) sort index first, then read only the page's
  // rows — deep offsets then skip index entries instead of decrypting whole table pages.
  const page = rows<ChartRecord & { source_changed: number }>(
    db,
    `SELECT ${CHART_ROW_COLUMNS}, ${SOURCE_CHANGED} AS source_changed FROM charts
     WHERE rowid IN (SELECT rowid FROM charts ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?)
     ORDER BY ${orderBy}`,
    ...params, input.limit, input.offset,
  );
  const total = value<number>(db, `SELECT count(*) FROM charts ${where}`, ...params) ?? 0;
  // The flag only on the rows that have it: the queue marks imported charts whose source changed after submit.
  return { rows: page.map((r) => (r.source_changed ? { ...toChartRow(r), sourceChanged: true } : toChartRow(r))), total };
}
