/**
 * The previous submitted version beside the one being coded: read-only, line by line, with
 * what changed marked. Shown while a reopened chart is coded, and on a resubmitted chart.
 */
import { useEffect, useMemo } from 'react';
import type { ChartDetail, SubmittedVersion as Submission } from '../../../shared/domain';
import { ErrorText } from '../../components/ErrorText';
import { todayIso } from '../../lib/dates';
import { REOPEN_REASON_LABELS } from '../../lib/labels';
import { useCoding } from '../coding/coding-store';
import { useSession } from '../session/session-store';
import { changeSummary, diffVersions, type VersionChange } from './version-diff';
import { useVersions } from './versions-store';
import './versions.css';

const CHANGE_LABELS: Record<VersionChange, string> = { same: '', added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' };

/** Local date and time, YYYY-MM-DD HH:MM (the stored time is UTC). */
function when(iso: string): string {
  const at = new Date(iso);
  return `${todayIso(at)} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

export function SubmittedVersion({ detail }: { detail: ChartDetail }) {
  const versions = useVersions((s) => (s.versions?.chartId === detail.id ? s.versions : null));
  const loadError = useVersions((s) => s.loadError);
  const me = useSession((s) => s.status?.profile ?? null);
  const coding = useCoding((s) => (s.chartId === detail.id ? s.coding : null));

  // A version 1 chart has nothing to compare with: no call.
  useEffect(() => {
    if (detail.version > 1) void useVersions.getState().load(detail.id);
  }, [detail.id, detail.version, detail.status]);

  // Compared with the version before the current one (the current one is the coding now).
  const base: Submission | null = versions?.submissions.find((s) => s.version === detail.version - 1) ?? null;
  const lines = useMemo(() => (base && coding ? diffVersions(base.coding, coding) : []), [base, coding]);
  if (detail.version < 2) return null;
  if (!base || !coding) return <ErrorText message={loadError} />;

  const by = me && base.submittedBy === me.id ? me.displayName : 'another user';
  const reopen = detail.reopened;
  return (
    <section className="submitted-version" aria-label={`Submitted v${base.version}`}>
      <header className="submitted-version-head">
        <h2>
          Submitted v{base.version} <span className="muted">(read-only)</span> beside v{detail.version}
        </h2>
        <strong className="submitted-version-summary">{changeSummary(lines)}</strong>
      </header>
      <p className="submitted-version-facts">
        v{base.version} submitted <time dateTime={base.submittedAt}>{when(base.submittedAt)}</time> by {by}.
        {reopen ? (
          <>
            {' '}Reopened <time dateTime={reopen.at}>{when(reopen.at)}</time>: {REOPEN_REASON_LABELS[reopen.reason]}
            {reopen.note ? ` — ${reopen.note}` : ''}
          </>
        ) : null}
      </p>
      <table className="version-compare">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">v{base.version}</th>
            <th scope="col">v{detail.version}</th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} className={`change-${l.change}`}>
              <td className="code">{l.code}</td>
              <td>{l.before === null ? '—' : l.before || '✓'}</td>
              <td>{l.after === null ? '—' : l.after || '✓'}</td>
              <td>{l.change === 'same' ? null : <span className={`change-mark change-mark-${l.change}`}>{CHANGE_LABELS[l.change]}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
