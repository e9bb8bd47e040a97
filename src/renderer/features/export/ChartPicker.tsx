/** The submitted charts an export takes: a range of submission dates, narrowed by ticking charts. */
import { useId } from 'react';
import { SETTING_LABELS } from '../../lib/labels';
import { useExport } from './export-store';

/** Submission times in UTC, as the date range selects them. */
const utcMinute = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

export function ChartPicker() {
  const since = useExport((s) => s.since);
  const until = useExport((s) => s.until);
  const list = useExport((s) => s.list);
  const chosen = useExport((s) => s.chosen);
  const titleId = useId();
  const store = useExport.getState;

  const total = list?.total ?? 0;
  const summary = chosen.size
    ? `${chosen.size} of ${total} chosen`
    : `${total === 1 ? 'The 1 chart' : `All ${total} charts`}${since || until ? ' in these dates' : ''}`;

  return (
    <section className="export-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Submitted charts</h2>
      <div className="export-range">
        <label className="field">
          <span>Submitted from (UTC)</span>
          <input type="date" value={since} onChange={(e) => store().setRange(e.target.value, until)} />
        </label>
        <label className="field">
          <span>to</span>
          <input type="date" value={until} onChange={(e) => store().setRange(since, e.target.value)} />
        </label>
      </div>
      <p className="field-hint export-hint">
        Each chart goes out at its latest submitted version. Tick charts to export only those; leave all unticked to export the
        whole range.
      </p>
      <div className="export-summary">
        <span role="status">{list ? summary : 'Loading…'}</span>
        {chosen.size ? (
          <button type="button" className="link-button" onClick={() => store().chooseNone()}>
            Clear choice
          </button>
        ) : null}
      </div>
      {list && list.total === 0 ? (
        <p className="empty-state">No submitted chart{since || until ? ' in these dates' : ' yet'}. Submit a chart, or widen the dates.</p>
      ) : null}
      {list && list.total > 0 ? (
        <div className="export-table-wrap">
          <table className="export-table" aria-label="Submitted charts to export">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Export</span>
                </th>
                <th scope="col">Chart</th>
                <th scope="col" className="num">
                  Version
                </th>
                <th scope="col">Submitted (UTC)</th>
                <th scope="col">Setting</th>
                <th scope="col" className="num" title="Diagnoses">
                  Dx
                </th>
                <th scope="col" className="num" title="Procedures">
                  Px
                </th>
              </tr>
            </thead>
            <tbody>
              {list.charts.map((c) => (
                <tr key={c.chartId} className={chosen.has(c.chartId) ? 'chosen' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={`Export ${c.chartId}`} checked={chosen.has(c.chartId)} onChange={() => store().toggle(c.chartId)} />
                  </td>
                  <td className="export-id">{c.chartId}</td>
                  <td className="num">v{c.version}</td>
                  <td className="export-date">{utcMinute(c.submittedAt)}</td>
                  <td>{SETTING_LABELS[c.setting]}</td>
                  <td className="num">{c.diagnoses}</td>
                  <td className="num">{c.procedures}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.total > list.charts.length ? (
            <p className="field-hint">
              The first {list.charts.length} of {list.total} are listed; narrow the dates to choose among the rest.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
