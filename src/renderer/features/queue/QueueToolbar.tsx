/** Quick search, status and setting filters, and the row count. */
import type { RefObject } from 'react';
import { CHART_STATUSES, SETTINGS, type ChartSetting, type ChartStatus } from '../../../shared/domain';
import { SETTING_LABELS, STATUS_LABELS } from '../../lib/labels';
import { useQueue } from './queue-store';

const numberFormat = new Intl.NumberFormat('en-US');

export function QueueToolbar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const search = useQueue((s) => s.search);
  const status = useQueue((s) => s.status[0] ?? '');
  const setting = useQueue((s) => s.setting[0] ?? '');
  const total = useQueue((s) => s.total);
  const loading = useQueue((s) => s.loading);

  return (
    <div className="screen-toolbar" role="search">
      <label className="toolbar-field">
        <span className="visually-hidden">Search the queue</span>
        <input
          ref={searchRef}
          type="search"
          className="queue-search"
          placeholder="Search chart, payer, assignee  ( / )"
          value={search}
          maxLength={100}
          onChange={(e) => useQueue.getState().setSearch(e.target.value)}
        />
      </label>
      <label className="toolbar-field">
        <span>Status</span>
        <select
          value={status}
          onChange={(e) => useQueue.getState().setStatusFilter(e.target.value ? [e.target.value as ChartStatus] : [])}
        >
          <option value="">All</option>
          {CHART_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        <span>Setting</span>
        <select
          value={setting}
          onChange={(e) => useQueue.getState().setSettingFilter(e.target.value ? [e.target.value as ChartSetting] : [])}
        >
          <option value="">All</option>
          {SETTINGS.map((s) => (
            <option key={s} value={s}>
              {SETTING_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <span className="toolbar-spacer" />
      <span className="row-count" role="status" aria-live="polite">
        {total === null ? (loading ? 'Loading…' : '') : `${numberFormat.format(total)} ${total === 1 ? 'chart' : 'charts'}`}
      </span>
    </div>
  );
}
