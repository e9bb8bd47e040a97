/** The other ways through the lock and unlock screens: recovery, another profile, restore. */
import { useSession } from './session-store';
import './session.css';

export function GateLinks({ profileId, onOtherProfile }: { profileId: string; onOtherProfile?: () => void }) {
  const { showGate } = useSession.getState();
  return (
    <>
      {/* Beside the passphrase it replaces, and above the throttle's wait when there is one. */}
      <button type="button" className="link-button gate-forgot" disabled={!profileId} onClick={() => void showGate({ view: 'recover', profileId })}>
        Forgot your passphrase? Use your recovery key
      </button>
      <nav className="gate-links" aria-label="Other ways in">
        {onOtherProfile ? (
          <button type="button" className="link-button" onClick={onOtherProfile}>
            Use another profile
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={() => void showGate({ view: 'add' })}>
          Add a profile
        </button>
        <button type="button" className="link-button" disabled={!profileId} onClick={() => void showGate({ view: 'restore', profileId })}>
          Restore a backup
        </button>
      </nav>
    </>
  );
}
