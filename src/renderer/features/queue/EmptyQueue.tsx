/** What an empty queue shows: a way to load the demo, or a way out of filters that match nothing. */
import { useRoute } from '../../app/route-store';
import { useSession } from '../session/session-store';
import { useQueue } from './queue-store';

export function EmptyQueue({ filtered }: { filtered: boolean }) {
  const demoLoading = useQueue((s) => s.demoLoading);
  const role = useSession((s) => s.status?.profile?.role ?? null);

  if (filtered) {
    return (
      <div className="empty-state">
        <p>No charts match this search and these filters.</p>
        <button type="button" onClick={() => useQueue.getState().clearFilters()}>
          Clear search and filters
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <p>Your queue is empty.</p>
      <button type="button" className="primary" disabled={demoLoading} onClick={() => void useQueue.getState().loadDemo()}>
        {demoLoading ? 'Loading demo workspace…' : 'Load demo workspace'}
      </button>
      <p className="muted">Loads synthetic charts (no real patients) and a demo code subset, so you can try CodeDesk.</p>
      {role === 'coder' || role === 'supervisor' ? (
        <>
          <button type="button" onClick={() => useRoute.getState().showChartImport()}>
            Import charts…
          </button>
          <p className="muted">From your hospital’s exports: FHIR R4 (bundle or bulk export) or HL7 v2 files.</p>
        </>
      ) : null}
    </div>
  );
}
