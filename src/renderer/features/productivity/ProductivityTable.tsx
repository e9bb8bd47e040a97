/**
 * The productivity table (TanStack Table, sorted in the page): one row per coder, coder and day,
 * setting, or day; every column header carries its metric's definition.
 */
import { createColumnHelper, createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { MetricId } from '../../../shared/metrics';
import type { ProductivityReport } from '../../../shared/productivity';
import { MetricLabel } from './MetricLabel';
import { GROUPINGS, GROUPING_LABELS, tableRows, type Grouping, type TableRow } from './table-rows';
import { useProductivity } from './productivity-store';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, TableRow>();

const figure = (id: MetricId, key: keyof TableRow & string, short?: string) =>
  helper.accessor((row) => (row[key] ?? null) as number | null, {
    id: key,
    header: () => <MetricLabel id={id} {...(short ? { short } : {})} />,
    cell: (info) => (info.getValue() === null ? '—' : (info.getValue() as number).toLocaleString()),
    sortUndefined: 'last',
  });

const FIGURES = [
  figure('charts_submitted', 'submitted', 'Submitted'),
  figure('weighted_units', 'weightedUnits', 'Units'),
  figure('active_minutes_per_chart', 'activeMinutesPerChart', 'Min/chart'),
  figure('charts_per_active_hour', 'chartsPerActiveHour', 'Charts/h'),
  figure('turnaround_assigned_hours', 'turnaroundAssignedHours', 'TAT h'),
  figure('turnaround_service_days', 'turnaroundServiceDays', 'From discharge d'),
  figure('holds_raised', 'holds', 'Holds'),
  figure('queries_raised', 'queriesRaised', 'Queries'),
  figure('query_rate', 'queryRate', 'Query %'),
];

/** Accuracy comes from audits of a coder's charts: shown per coder only. */
const ACCURACY = [
  figure('accuracy_code_level', 'accuracyCodeLevel', 'Acc. code %'),
  figure('accuracy_record_level', 'accuracyRecordLevel', 'Acc. record %'),
  figure('accuracy_adjusted_units', 'accuracyAdjustedUnits', 'Adj. units'),
];

const KEYS = {
  coder: helper.accessor('coder', { header: 'Coder' }),
  day: helper.accessor('day', { header: 'Day' }),
  setting: helper.accessor('setting', { header: 'Setting' }),
};

const isKey = (id: string): boolean => id in KEYS;

const COLUMNS: Record<Grouping, ReturnType<typeof helper.columns>> = {
  coder: helper.columns([KEYS.coder, ...FIGURES, ...ACCURACY]),
  'coder-day': helper.columns([KEYS.day, KEYS.coder, ...FIGURES]),
  setting: helper.columns([KEYS.setting, ...FIGURES]),
  day: helper.columns([KEYS.day, ...FIGURES]),
};

export function ProductivityTable({ report }: { report: ProductivityReport }) {
  const grouping = useProductivity((s) => s.grouping);
  const [sorting, setSorting] = useState<SortingState>([]);
  const rows = useMemo(() => tableRows(report, grouping), [report, grouping]);
  const table = useTable({
    features,
    columns: COLUMNS[grouping],
    data: rows ?? [],
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
  });
  const shown = table.getRowModel().rows;
  return (
    <section className="productivity-table" aria-labelledby="productivity-table-title">
      <div className="productivity-table-head">
        <h2 id="productivity-table-title">Figures by {GROUPING_LABELS[grouping].toLowerCase()}</h2>
        <label className="inline-field">
          <span>Rows</span>
          <select value={grouping} onChange={(e) => useProductivity.getState().setGrouping(e.target.value as Grouping)}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {GROUPING_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows === null ? (
        <p className="muted">Too many coder × day rows to show for this team and period: choose one coder, a shorter period, or export them.</p>
      ) : shown.length === 0 ? (
        <p className="muted">No activity was recorded in this period.</p>
      ) : (
        <div className="productivity-table-scroll">
          <table className="data-table">
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={isKey(header.column.id) ? undefined : 'num'}>
                        <button type="button" className="figure-sort" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={isKey(cell.column.id) ? undefined : 'num'}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
