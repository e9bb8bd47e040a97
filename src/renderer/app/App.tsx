/** The lock gate: nothing with chart data renders until the session is unlocked. */
import { useEffect, type ReactNode } from 'react';
import { CreateProfileForm } from '../features/session/CreateProfileForm';
import { GateAlternative } from '../features/session/GateAlternative';
import { LockScreen } from '../features/session/LockScreen';
import { RecoveryKeyNotice } from '../features/session/RecoveryKeyNotice';
import { RestoreDoneNotice } from '../features/session/RestoreDoneNotice';
import { UnlockForm } from '../features/session/UnlockForm';
import { useSession } from '../features/session/session-store';
import { Shell } from './Shell';
import { useSessionEvents } from './use-session-events';
import './app.css';

export function App() {
  const phase = useSession((s) => s.phase);
  const recoveryKey = useSession((s) => s.recoveryKey);
  const error = useSession((s) => s.error);
  const gate = useSession((s) => s.gate);
  const restored = useSession((s) => s.restored);
  useSessionEvents();

  useEffect(() => {
    void useSession.getState().start();
  }, []);

  if (recoveryKey) {
    return (
      <Gate>
        <RecoveryKeyNotice recoveryKey={recoveryKey} />
      </Gate>
    );
  }

  if (restored) {
    return (
      <Gate>
        <RestoreDoneNotice restored={restored} />
      </Gate>
    );
  }

  if (gate && (phase === 'choose' || phase === 'locked')) {
    return (
      <Gate>
        <GateAlternative gate={gate} />
      </Gate>
    );
  }

  switch (phase) {
    case 'starting':
      return (
        <Gate>
          <p className="gate-card" role="status">
            Starting CodeDesk…
          </p>
        </Gate>
      );
    case 'unavailable':
      return (
        <Gate>
          <section className="gate-card" aria-labelledby="unavailable-title">
            <h1 id="unavailable-title">CodeDesk cannot start</h1>
            <p role="alert">{error}</p>
            <button type="button" className="primary" onClick={() => void useSession.getState().start()}>
              Try again
            </button>
          </section>
        </Gate>
      );
    case 'create':
      return (
        <Gate>
          <CreateProfileForm />
        </Gate>
      );
    case 'choose':
      return (
        <Gate>
          <UnlockForm />
        </Gate>
      );
    case 'locked':
      return (
        <Gate>
          <LockScreen />
        </Gate>
      );
    case 'ready':
      return <Shell />;
  }
}

function Gate({ children }: { children: ReactNode }) {
  return (
    <main className="gate">
      <p className="gate-brand" aria-hidden="true">
        CodeDesk
      </p>
      {children}
    </main>
  );
}
