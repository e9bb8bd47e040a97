/** The header's view of the hub link: last sync, entries waiting, conflicts; a click opens the Team hub screen. */
import { useEffect, useState } from 'react';
import { useHub } from '../features/hub/hub-store';
import { syncSummary } from '../features/hub/sync-text';
import { useRoute } from './route-store';

export function HubBadge() {
  const state = useHub((s) => s.state);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    void useHub.getState().load();
    // "Synced 3 min ago" stays true as time passes.
    const tick = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(tick);
  }, []);
  const open = () => useRoute.getState().showHub();
  if (!state?.linked) {
    return (
      <button type="button" className="header-button" onClick={open}>
        Team hub
      </button>
    );
  }
  const summary = syncSummary(state, now);
  return (
    <button type="button" className={`header-button hub-badge hub-badge-${summary.tone}`} onClick={open} title={summary.detail} aria-label={`Team hub: ${summary.text}`}>
      <span className="hub-dot" aria-hidden="true" />
      {summary.text}
    </button>
  );
}
