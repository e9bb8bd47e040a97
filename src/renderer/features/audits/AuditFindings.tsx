/**
 * One committed audit: the typed findings beside the two codings, each with its outcome; the
 * coder agrees or rebuts (a comment required to rebut), the auditor upholds or withdraws a
 * rebuttal. The chart's accuracy counts follow the final outcomes.
 */
import { useState } from 'react';
import { findingLabel } from '../../../shared/audit-diff';
import type { AuditFindingView, AuditView } from '../../../shared/audits';
import type { ChartSetting } from '../../../shared/domain';
import { useAudits } from './audits-store';

const OUTCOME_LABELS: Record<AuditFindingView['outcome'], string> = { open: 'Open', agreed: 'Agreed', rebutted: 'Rebutted', upheld: 'Upheld', withdrawn: 'Withdrawn' };

function FindingRow({ audit, finding, role, setting }: { audit: AuditView; finding: AuditFindingView; role: 'coder' | 'auditor' | 'supervisor'; setting: ChartSetting }) {
  const [comment, setComment] = useState('');
  const busy = useAudits((s) => s.busy);
  const store = useAudits.getState;
  const coderMay = role === 'coder' && finding.outcome === 'open';
  const auditorMay = role === 'auditor' && finding.outcome === 'rebutted';
  return (
    <tr>
      <td>{findingLabel(finding.kind, setting)}</td>
      <td className="mono">{finding.coderCode ?? '—'}</td>
      <td className="mono">{finding.auditorCode ?? '—'}</td>
      <td>{finding.detail}</td>
      <td>
        <span className={`status finding-${finding.outcome}`}>{OUTCOME_LABELS[finding.outcome]}</span>
        {finding.coderComment ? <p className="finding-comment">Coder: {finding.coderComment}</p> : null}
        {finding.auditorComment ? <p className="finding-comment">Auditor: {finding.auditorComment}</p> : null}
      </td>
      <td>
        {coderMay || auditorMay ? (
          <div className="finding-actions">
            <input aria-label={`Comment on ${finding.id}`} placeholder={coderMay ? 'Why (required to rebut)' : 'Comment (optional)'} value={comment} onChange={(e) => setComment(e.target.value)} />
            {coderMay ? (
              <>
                <button type="button" disabled={busy} onClick={() => void store().respond(audit.id, finding.id, 'agree', comment)}>
                  Agree
                </button>
                <button type="button" disabled={busy} onClick={() => void store().respond(audit.id, finding.id, 'rebut', comment)}>
                  Rebut
                </button>
              </>
            ) : (
              <>
                <button type="button" disabled={busy} onClick={() => void store().decide(audit.id, finding.id, 'uphold', comment)}>
                  Uphold
                </button>
                <button type="button" disabled={busy} onClick={() => void store().decide(audit.id, finding.id, 'withdraw', comment)}>
                  Withdraw
                </button>
              </>
            )}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

export function AuditFindings({ audit, role }: { audit: AuditView; role: 'coder' | 'auditor' | 'supervisor' }) {
  const setting = audit.setting;
  const a = audit.accuracy;
  return (
    <section className="audit-findings" aria-label={`Findings of the audit of ${audit.chartId}`}>
      <h3>
        {audit.chartId} (v{audit.version}), {audit.mode === 'blind' ? 'blind' : 'review'} audit, committed {audit.committedAt?.slice(0, 10)}
      </h3>
      <p className="muted">
        {a ? `Codes agreed ${a.codesAgreed} of ${a.codesConsidered} considered; the chart ${a.changed ? 'has a change upheld or open' : 'has no change'}.` : ''}
      </p>
      {audit.findings.length === 0 ? (
        <p>No differences: the auditor’s codes match the coder’s.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>Finding</th>
              <th>Coder</th>
              <th>Auditor</th>
              <th>Detail</th>
              <th>Outcome</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {audit.findings.map((f) => (
              <FindingRow key={f.id} audit={audit} finding={f} role={role} setting={setting} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
