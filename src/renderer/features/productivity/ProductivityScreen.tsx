/**
 * Productivity: a supervisor's team (or one coder), or one's own figures, over 7/30/90 days or
 * chosen dates, beside the period before; plots, backlog and the table; a supervisor exports.
 */
import { useEffect } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { useHub } from '../hub/hub-store';
import { useSession } from '../session/session-store';
import { ExportPanel } from './ExportPanel';
import { MetricCards } from './MetricCards';
import { PERIOD_PRESETS } from './period';
import { ProductivityCharts } from './ProductivityCharts';
import { ProductivityTable } from './ProductivityTable';
import { useProductivity } from './productivity-store';
import { UnitWeightsPanel } from './UnitWeightsPanel';
import './productivity.css';

export function ProductivityScreen() {
  const role = useSession((s) => s.status?.profile?.role ?? null);
  const report = useProductivity((s) => s.report);
  const loading = useProductivity((s) => s.loading);
  const error = useProductivity((s) => s.error);
  const preset = useProductivity((s) => s.preset);
  const from = useProductivity((s) => s.from);
  const to = useProductivity((s) => s.to);
  const coderId = useProductivity((s) => s.coderId);
  const teamCoders = useProductivity((s) => s.teamCoders);
  const source = useProductivity((s) => s.source);
  const linked = useHub((s) => s.state?.linked ?? false);
  const store = useProductivity.getState;
  const supervisor = role === 'supervisor';

  useEffect(() => {
    void useProductivity.getState().load();
    void useHub.getState().load();
  }, []);

  return (
    <main className="productivity-screen" aria-label="Productivity">
      <div className="productivity-toolbar">
        <h1>{supervisor ? 'Team productivity' : 'My productivity'}</h1>
        {supervisor && (linked || source === 'hub') ? (
          <div className="segmented" role="group" aria-label="Figures from">
            <button type="button" aria-pressed={source === 'hub'} onClick={() => store().chooseSource('hub')}>
              Team hub
            </button>
            <button type="button" aria-pressed={source === 'workspace'} onClick={() => store().chooseSource('workspace')}>
              This workspace
            </button>
          </div>
        ) : null}
        <div className="segmented" role="group" aria-label="Period">
          {PERIOD_PRESETS.map((days) => (
            <button key={days} type="button" aria-pressed={preset === days} onClick={() => store().choosePreset(days)}>
              {days} days
            </button>
          ))}
        </div>
        <label className="inline-field">
          <span>From</span>
          <input type="date" value={from} max={to} onChange={(e) => e.target.value && store().chooseDates(e.target.value, to)} />
        </label>
        <label className="inline-field">
          <span>To</span>
          <input type="date" value={to} min={from} onChange={(e) => e.target.value && store().chooseDates(from, e.target.value)} />
        </label>
        {supervisor && report ? (
          <label className="inline-field">
            <span>Coder</span>
            <select value={coderId ?? ''} onChange={(e) => store().chooseCoder(e.target.value || null)}>
              <option value="">Whole team</option>
              {teamCoders.map((c) => (
                <option key={c.userId} value={c.userId}>
                  {c.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {loading ? <span className="muted" role="status">Loading…</span> : null}
      </div>
      <ErrorText message={error} />
      {report ? (
        <>
          <p className="muted productivity-period">
            {report.from} to {report.to} (UTC days), beside {report.previous.from} to {report.previous.to}.{' '}
            {supervisor ? '' : 'These are your figures exactly as your supervisor sees them.'}
          </p>
          <MetricCards report={report} />
          <ProductivityCharts report={report} />
          <ProductivityTable report={report} />
          <UnitWeightsPanel weights={report.weights} editable={supervisor} />
          {supervisor ? <ExportPanel /> : null}
        </>
      ) : null}
    </main>
  );
}
