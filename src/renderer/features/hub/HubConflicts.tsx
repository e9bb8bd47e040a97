/** Work sent under a lease that had been taken back: both versions side by side; the supervisor keeps one. */
import { useCallback, useEffect, useState } from 'react';
import type { HubConflictSide, HubConflictView } from '../../../shared/hub';
import { ErrorText } from '../../components/ErrorText';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';

function Side({ title, side }: { title: string; side: HubConflictSide | null }) {
  return (
    <div className="hub-side">
      <h3>{title}</h3>
      {side ? (
        <dl className="hub-facts">
          <dt>Status</dt>
          <dd>{side.submitted ? `submitted (version ${side.version})` : side.status.replace('_', ' ')}</dd>
          <dt>Codes</dt>
          <dd className="mono">{side.codes.length > 0 ? side.codes.join(', ') : 'none'}</dd>
        </dl>
      ) : (
        <p className="muted">No work recorded on the hub yet.</p>
      )}
    </div>
  );
}

export function HubConflicts() {
  const [items, setItems] = useState<HubConflictView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await call('hub.conflicts', {});
    if (r.ok) setItems(r.value);
    else setError(describeError(r.error));
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const resolve = async (conflictId: number, keep: 'current' | 'incoming') => {
    setError(null);
    const r = await call('hub.resolveConflict', { conflictId, keep });
    if (!r.ok) setError(describeError(r.error));
    await reload();
  };

  return (
    <section className="hub-section" aria-labelledby="hub-conflicts">
      <h2 id="hub-conflicts">Conflicts {items.length > 0 ? `(${items.length})` : ''}</h2>
      <ErrorText message={error} />
      {items.length === 0 ? (
        <p className="muted">No conflicts: no work arrived under a lease that had been taken back.</p>
      ) : (
        <ul className="hub-conflicts">
          {items.map((c) => (
            <li key={c.id}>
              <p>
                <span className="mono">{c.chartId}</span>: sent under lease {c.epoch} after the chart moved on to lease {c.currentEpoch} ({c.createdAt.slice(0, 16).replace('T', ' ')} UTC).
              </p>
              <div className="hub-sides">
                <Side title="On the hub now" side={c.current} />
                <Side title="Sent late" side={c.incoming} />
              </div>
              <div className="hub-buttons">
                <button type="button" onClick={() => void resolve(c.id, 'current')}>
                  Keep the hub’s
                </button>
                <button type="button" onClick={() => void resolve(c.id, 'incoming')}>
                  Take the late work
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
