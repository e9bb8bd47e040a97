/**
 * Shown while the audit trail does not match its seal: the workspace takes no changes until a
 * backup is restored or the finding is put on the record. Says what was found, in full.
 */
import { useState } from 'react';
import { useSession } from '../features/session/session-store';
import { reanchorTrail } from './reanchor-trail';

export function TrailBanner() {
  const problem = useSession((s) => s.status?.trailProblem ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!problem) return null;
  const record = async () => {
    setBusy(true);
    setError(await reanchorTrail());
    setBusy(false);
  };
  return (
    <div className="trail-banner" role="alert">
      <strong>The audit trail does not match its seal.</strong>
      <span>
        {problem} Nothing can be changed until a backup is restored (Lock, then “Restore a backup”) or the finding is
        recorded.
      </span>
      <button type="button" className="header-button" disabled={busy} onClick={() => void record()}>
        Record the finding and continue
      </button>
      {error ? <span className="trail-banner-error">{error}</span> : null}
    </div>
  );
}
