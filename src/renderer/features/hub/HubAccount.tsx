/** The link: which hub and account, when the hub last answered, what waits, and Sync now / Sign out. */
import { useState } from 'react';
import type { HubState } from '../../../shared/hub';
import { ErrorText } from '../../components/ErrorText';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { ROLE_LABELS } from '../../lib/labels';
import { useHub } from './hub-store';
import { sinceText, syncSummary } from './sync-text';

/** Within a day: worth the coder's notice. */
const leaseSoon = (iso: string, now: Date): boolean => Date.parse(iso) - now.getTime() < 86_400_000;

export function HubAccount({ state }: { state: HubState }) {
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  const summary = syncSummary(state, now);

  const signOut = async () => {
    const r = await call('hub.signOut', {});
    if (r.ok) useHub.getState().receive(r.value);
    else setError(describeError(r.error));
  };

  return (
    <section className="hub-section" aria-labelledby="hub-account">
      <h2 id="hub-account">Sync</h2>
      <p className={`hub-summary hub-tone-${summary.tone}`} role="status">
        {summary.text}
      </p>
      <dl className="hub-facts">
        <dt>Hub</dt>
        <dd>{state.url}</dd>
        <dt>Signed in as</dt>
        <dd>
          {state.userName} ({state.role ? ROLE_LABELS[state.role] : ''})
        </dd>
        <dt>Hub last answered</dt>
        <dd>{sinceText(state.lastSyncAt, now)}</dd>
        <dt>Waiting to send</dt>
        <dd>{state.waiting === 0 ? 'nothing' : `${state.waiting} changes`}</dd>
        {state.role === 'auditor' ? (
          <>
            <dt>Audits to send</dt>
            <dd>{state.auditsWaiting === 0 ? 'none' : state.auditsWaiting}</dd>
          </>
        ) : null}
        <dt>Checked-out charts open</dt>
        <dd>{state.open}</dd>
        {state.firstLeaseEnds ? (
          <>
            <dt>First lease ends</dt>
            <dd className={leaseSoon(state.firstLeaseEnds, now) ? 'hub-lease-soon' : undefined}>
              {state.firstLeaseEnds.slice(0, 16).replace('T', ' ')} UTC: submit and sync before then, or the hub may give the chart to someone else.
            </dd>
          </>
        ) : null}
        {state.takenBack > 0 ? (
          <>
            <dt>Taken back</dt>
            <dd className="hub-lease-soon">
              {state.takenBack} of your open charts are no longer leased to you (taken back by your supervisor, or the lease ran out): work on them now goes to the conflict list.
            </dd>
          </>
        ) : null}
        {state.conflicts > 0 ? (
          <>
            <dt>Conflicts</dt>
            <dd>{state.conflicts} sent after your lease was taken back: your supervisor sees both versions and decides.</dd>
          </>
        ) : null}
        {state.refused > 0 ? (
          <>
            <dt>Refused</dt>
            <dd>{state.refused} the hub would not take (the chart was not checked out to this device).</dd>
          </>
        ) : null}
      </dl>
      {state.lastError ? <p className="hub-last-error">{state.lastError}</p> : null}
      <div className="hub-buttons">
        <button type="button" className="primary" disabled={state.syncing} onClick={() => void useHub.getState().syncNow()}>
          {state.syncing ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" onClick={() => void signOut()}>
          Sign out of hub
        </button>
      </div>
      <ErrorText message={error} />
    </section>
  );
}
