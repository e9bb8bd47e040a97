/** Wires main's pushes (lock, unlock, chart changes) and LOCKED replies into the stores. */
import { useEffect } from 'react';
import { onLockedReply, subscribe } from '../lib/api';
import { useQueue } from '../features/queue/queue-store';
import { useSession } from '../features/session/session-store';
import { useRoute } from './route-store';

export function useSessionEvents(): void {
  useEffect(() => {
    const offLocked = onLockedReply(() => useSession.getState().markLocked());
    const offEvents = subscribe((name) => {
      const session = useSession.getState();
      switch (name) {
        case 'session.locked':
          session.markLocked();
          break;
        case 'session.unlocked':
          if (session.phase !== 'ready') void session.refreshStatus();
          break;
        case 'charts.changed':
          // The queue re-reads its loaded rows; an open chart keeps the coder's view.
          if (session.phase === 'ready' && useRoute.getState().route.view === 'queue' && useQueue.getState().total !== null) {
            void useQueue.getState().refresh();
          }
          break;
        case 'import.progress':
        case 'charts.import.progress':
          break;
      }
    });
    return () => {
      offLocked();
      offEvents();
    };
  }, []);
}
