/** The chart screen's bar while an auditor re-codes a chart: which audit, blind or review, and Commit. */
import type { ChartDetail } from '../../../shared/domain';
import { useRoute } from '../../app/route-store';
import { SaveIndicator } from '../coding/SaveIndicator';
import { useCoding } from '../coding/coding-store';
import { useAudits } from './audits-store';

export function AuditBar({ auditId, detail }: { auditId: string; detail: ChartDetail }) {
  const busy = useAudits((s) => s.busy);
  const error = useAudits((s) => s.error);
  const audit = useAudits((s) => s.audits.find((a) => a.id === auditId));
  const commit = async () => {
    if (!(await useCoding.getState().flush())) return;
    if (await useAudits.getState().commit(auditId)) useRoute.getState().showAudits('Audit committed.');
  };
  return (
    <header className="chart-header audit-bar">
      <div className="chart-header-row">
        <button type="button" onClick={() => useRoute.getState().showAudits()}>
          ← Audits
        </button>
        <h1 className="chart-title">
          Audit of chart {detail.id} (v{detail.version})
        </h1>
        <span className="status status-on_hold">{audit?.mode === 'review' ? 'Review: the coder’s codes shown' : 'Blind: the coder’s codes are hidden until you commit'}</span>
        <span className="header-spacer" />
        <SaveIndicator />
        <button type="button" className="primary" disabled={busy} onClick={() => void commit()}>
          Commit audit
        </button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </header>
  );
}
