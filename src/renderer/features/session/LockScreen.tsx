/** Shown when the workspace locks: no chart data, only the profile name and a passphrase box. */
import { useState, type FormEvent } from 'react';
import { GateLinks } from './GateLinks';
import { UnlockFields } from './UnlockFields';
import { useSession } from './session-store';

export function LockScreen() {
  const profile = useSession((s) => s.lockedProfile ?? s.status?.profile ?? null);
  const busy = useSession((s) => s.busy);
  const error = useSession((s) => s.error);
  const [passphrase, setPassphrase] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!profile || !passphrase) return;
    void useSession
      .getState()
      .unlock(profile.id, passphrase)
      .then((ok) => ok || setPassphrase(''));
  };

  return (
    <form className="gate-card" onSubmit={submit} aria-labelledby="locked-title">
      <h1 id="locked-title">CodeDesk is locked</h1>
      <p className="gate-lead">
        Locked to protect patient information. Your work is saved.
        {profile ? (
          <>
            {' '}
            Signed in as <strong>{profile.displayName}</strong>.
          </>
        ) : null}
      </p>
      <UnlockFields passphrase={passphrase} onChange={setPassphrase} busy={busy} error={error} />
      <GateLinks profileId={profile?.id ?? ''} onOtherProfile={() => void useSession.getState().switchProfile()} />
    </form>
  );
}
