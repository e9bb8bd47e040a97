/** Queue columns. Ids equal the API's sort keys, so a header click becomes a database sort. */
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { chartSortKeys, type ChartSortKey } from '../../../shared/chart-sort';
import type { ChartRow } from '../../../shared/domain';
import { isOverdue } from '../../lib/dates';
import { SETTING_LABELS, STATUS_LABELS } from '../../lib/labels';

export const queueFeatures = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof queueFeatures, ChartRow>();

export const queueColumns = helper.columns([
  helper.accessor('id', { header: 'Chart' }),
  helper.accessor('patientAge', {
    header: 'Patient',
    cell: (info) => `${info.getValue()} ${info.row.original.patientSex}`,
  }),
  helper.accessor('setting', { header: 'Setting', cell: (info) => SETTING_LABELS[info.getValue()] }),
  helper.accessor('admitDate', { header: 'Admit' }),
  helper.accessor('dischargeDate', { header: 'Discharge / service' }),
  helper.accessor('payer', { header: 'Payer' }),
  helper.accessor('priority', {
    header: 'Priority',
    cell: (info) => <span className={info.getValue() <= 1 ? 'priority-high' : undefined}>{info.getValue()}</span>,
  }),
  helper.accessor('dueDate', {
    header: 'Due',
    cell: (info) =>
      isOverdue(info.getValue()) && info.row.original.status !== 'submitted' ? (
        <span className="overdue">
          {info.getValue()} <span className="overdue-tag">Overdue</span>
        </span>
      ) : (
        info.getValue()
      ),
  }),
  helper.accessor('status', {
    header: 'Status',
    cell: (info) => (
      <>
        <span className={`status status-${info.getValue()}`}>{STATUS_LABELS[info.getValue()]}</span>
        {info.row.original.version > 1 ? <span className="version-tag">v{info.row.original.version}</span> : null}
        {info.row.original.sourceChanged ? (
          <span className="source-changed-tag" title="Source changed after submit: the hospital system sent a change; nothing was applied.">
            Source changed
          </span>
        ) : null}
      </>
    ),
  }),
  helper.accessor('assignee', { header: 'Assignee' }),
]);

export function isChartSortKey(id: string): id is ChartSortKey {
  return (chartSortKeys as readonly string[]).includes(id);
}
