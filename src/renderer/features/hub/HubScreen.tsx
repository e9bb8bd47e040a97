/**
 * Team hub: sign in to the team's hub, see what waits to be sent, check charts out (coders and
 * auditors), and, for a supervisor, the team queue and the conflicts a stale lease produced.
 * Every call goes through main, which holds the device token; main checks roles again.
 */
import { useEffect } from 'react';
import { useRoute } from '../../app/route-store';
import { ErrorText } from '../../components/ErrorText';
import { useSession } from '../session/session-store';
import { HubAccount } from './HubAccount';
import { HubCheckoutPanel } from './HubCheckoutPanel';
import { HubConflicts } from './HubConflicts';
import { HubQueuePanel } from './HubQueuePanel';
import { HubSignIn } from './HubSignIn';
import { useHub } from './hub-store';
import './hub.css';

export function HubScreen() {
  const role = useSession((s) => s.status?.profile?.role ?? 'coder');
  const state = useHub((s) => s.state);
  const error = useHub((s) => s.error);

  useEffect(() => {
    void useHub.getState().load();
  }, []);

  return (
    <main className="hub-screen" aria-label="Team hub">
      <div className="screen-toolbar">
        <h1>Team hub</h1>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => useRoute.getState().showQueue()}>
          Back to queue
        </button>
      </div>
      <ErrorText message={error} />
      {state === null ? null : !state.linked ? (
        <div className="hub-grid">
          <HubSignIn />
        </div>
      ) : (
        <div className="hub-grid">
          <HubAccount state={state} />
          {role === 'supervisor' ? null : <HubCheckoutPanel />}
          {role === 'auditor' ? <HubCheckoutPanel forAudit /> : null}
          {role === 'supervisor' ? <HubConflicts /> : null}
          {role === 'supervisor' ? <HubQueuePanel /> : null}
        </div>
      )}
    </main>
  );
}
