/** Wires main's pushes (lock, unlock, chart changes) and LOCKED replies into the stores. */
import { useEffect } from 'react';
import type { EventMap } from '../../shared/contract';
import { onLockedReply, subscribe } from '../lib/api';
import { useHub } from '../features/hub/hub-store';
import { useQueue } from '../features/queue/queue-store';
import { useSession } from '../features/session/session-store';
import { useRoute } from './route-store';

export function useSessionEvents(): void {
  useEffect(() => {
    const offLocked = onLockedReply(() => useSession.getState().markLocked());
    const offEvents = subscribe((name, payload) => {
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
        case 'hub.state':
          if (session.phase === 'ready') useHub.getState().receive(payload as EventMap['hub.state']);
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
