/**
 * Packages: make a work package (charts + recipient + expiry), open one, return results, apply
 * a result, resolve conflicts, and exchange profile cards. What each section offers follows the
 * role (leads make and apply; those who code open and return); main checks roles again.
 */
import { useCallback, useEffect, useState } from 'react';
import { useRoute } from '../../app/route-store';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { ErrorText } from '../../components/ErrorText';
import { useSession } from '../session/session-store';
import { ROLE_LABELS, STATUS_LABELS } from '../../lib/labels';
import { CHART_STATUSES, type ChartStatus } from '../../../shared/domain';
import { PACKAGE_EXPIRY_DAYS, type PackageConflict, type ProfileCardInfo } from '../../../shared/packages';
import type { AppError } from '../../../shared/result';
import { ConflictList } from './ConflictList';
import { PathAction } from './PathAction';
import { appliedText, openedText, packagedText, resultText } from './outcome-text';
import './packages.css';

function RecipientSelect({ recipients, value, onChange, label }: { recipients: ProfileCardInfo[]; value: string; onChange(id: string): void; label: string }) {
  const chosen = recipients.find((r) => r.profileId === value);
  return (
    <label className="field packages-grow">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {recipients.map((r) => (
          <option key={r.profileId} value={r.profileId}>
            {r.displayName} ({ROLE_LABELS[r.role]}{r.source === 'card' ? ', imported card' : ''})
          </option>
        ))}
      </select>
      {chosen ? <small className="packages-fingerprint">{chosen.fingerprint}</small> : null}
    </label>
  );
}

export function PackagesScreen() {
  const role = useSession((s) => s.status?.profile?.role ?? 'coder');
  const leads = role === 'supervisor' || role === 'auditor';
  const codes = role === 'coder' || role === 'auditor';
  const [self, setSelf] = useState<ProfileCardInfo | null>(null);
  const [recipients, setRecipients] = useState<ProfileCardInfo[]>([]);
  const [conflicts, setConflicts] = useState<PackageConflict[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [to, setTo] = useState('');
  const [returnTo, setReturnTo] = useState('');
  const [charts, setCharts] = useState('');
  const [status, setStatus] = useState<ChartStatus | ''>('new');
  const [days, setDays] = useState(String(PACKAGE_EXPIRY_DAYS.default));

  const reload = useCallback(async () => {
    const r = await call('packages.recipients', {});
    if (r.ok) {
      setSelf(r.value.self);
      setRecipients(r.value.recipients);
    } else setError(describeError(r.error as AppError));
    if (leads) {
      const c = await call('packages.conflicts', {});
      if (c.ok) setConflicts(c.value);
    }
  }, [leads]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const resolve = async (conflictId: number, keep: 'home' | 'package') => {
    const r = await call('packages.resolve', { conflictId, keep });
    if (!r.ok) setError(describeError(r.error as AppError));
    await reload();
  };

  const chartIds = charts.split(/[\s,]+/).filter(Boolean);
  const expiresDays = Number(days);

  return (
    <main className="packages-screen" aria-label="Packages">
      <div className="screen-toolbar">
        <h1>Packages</h1>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => useRoute.getState().showQueue()}>
          Back to queue
        </button>
      </div>
      <ErrorText message={error} />
      <div className="packages-grid">
        {leads ? (
          <section className="packages-section" aria-labelledby="pkg-make">
            <h2 id="pkg-make">Make a work package</h2>
            <PathAction
              label="Package file to write (full path)"
              button="Make package"
              disabled={to === '' || (chartIds.length === 0 && status === '') || !Number.isInteger(expiresDays)}
              run={(path) =>
                call('packages.create', { ...(chartIds.length ? { chartIds } : { status: status as ChartStatus }), recipientId: to, expiresDays, path })
              }
              describe={packagedText}
            >
              <RecipientSelect label="For" recipients={recipients} value={to} onChange={setTo} />
              <label className="field packages-grow">
                <span>Chart ids (comma separated; empty: by status)</span>
                <input value={charts} onChange={(e) => setCharts(e.target.value)} autoComplete="off" spellCheck={false} />
              </label>
              <label className="field">
                <span>Status</span>
                <select value={status} onChange={(e) => setStatus(e.target.value as ChartStatus | '')} disabled={chartIds.length > 0}>
                  {CHART_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>Expires in days</span>
                <input type="number" min={PACKAGE_EXPIRY_DAYS.min} max={PACKAGE_EXPIRY_DAYS.max} value={days} onChange={(e) => setDays(e.target.value)} />
              </label>
            </PathAction>
          </section>
        ) : null}
        {codes ? (
          <section className="packages-section" aria-labelledby="pkg-open">
            <h2 id="pkg-open">Open a work package</h2>
            <PathAction
              label="Package file (full path)"
              button="Open package"
              run={(path) => call('packages.open', { path })}
              describe={openedText}
            />
          </section>
        ) : null}
        {codes ? (
          <section className="packages-section" aria-labelledby="pkg-result">
            <h2 id="pkg-result">Return results</h2>
            <PathAction
              label="Result file to write (full path)"
              button="Make result package"
              disabled={returnTo === ''}
              run={(path) => call('packages.result', { recipientId: returnTo, expiresDays: PACKAGE_EXPIRY_DAYS.default, path })}
              describe={resultText}
            >
              <RecipientSelect label="Back to" recipients={recipients} value={returnTo} onChange={setReturnTo} />
            </PathAction>
          </section>
        ) : null}
        {leads ? (
          <section className="packages-section" aria-labelledby="pkg-apply">
            <h2 id="pkg-apply">Apply a result package</h2>
            <PathAction
              label="Result file (full path)"
              button="Apply result"
              run={async (path) => {
                const r = await call('packages.apply', { path });
                await reload();
                return r;
              }}
              describe={appliedText}
            />
          </section>
        ) : null}
        {leads ? (
          <section className="packages-section" aria-labelledby="pkg-conflicts">
            <h2 id="pkg-conflicts">Conflicts</h2>
            <ConflictList conflicts={conflicts} onResolve={(id, keep) => void resolve(id, keep)} />
          </section>
        ) : null}
        <section className="packages-section" aria-labelledby="pkg-card">
          <h2 id="pkg-card">Profile cards</h2>
          {self ? (
            <p>
              Your fingerprint: <span className="packages-fingerprint">{self.fingerprint}</span>
            </p>
          ) : null}
          <PathAction label="Write your card to (full path)" button="Export card" run={(path) => call('profiles.exportCard', { path })} describe={(v) => `Card written to ${v.path}.`} />
          <PathAction
            label="Card of another computer's profile (full path)"
            button="Import card"
            run={async (path) => {
              const r = await call('profiles.importCard', { path });
              await reload();
              return r;
            }}
            describe={(v) => `Pinned ${v.card.displayName}. Compare this fingerprint with them: ${v.card.fingerprint}`}
          />
        </section>
      </div>
    </main>
  );
}
