/** The other ways through the lock and unlock screens: recovery, restore, another profile. */
import { useSession } from './session-store';
import './session.css';

export function GateLinks({ profileId, onOtherProfile }: { profileId: string; onOtherProfile?: () => void }) {
  const { showGate } = useSession.getState();
  return (
    <nav className="gate-links" aria-label="Other ways in">
      <button type="button" className="link-button" disabled={!profileId} onClick={() => void showGate({ view: 'recover', profileId })}>
        Forgot your passphrase? Use your recovery key
      </button>
      <button type="button" className="link-button" disabled={!profileId} onClick={() => void showGate({ view: 'restore', profileId })}>
        Restore from a backup
      </button>
      {onOtherProfile ? (
        <button type="button" className="link-button" onClick={onOtherProfile}>
          Use another profile
        </button>
      ) : null}
      <button type="button" className="link-button" onClick={() => void showGate({ view: 'add' })}>
        Add a profile
      </button>
    </nav>
  );
}
