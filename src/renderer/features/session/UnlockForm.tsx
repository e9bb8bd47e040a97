/** Choose a profile and unlock it with its passphrase. */
import { useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../../lib/labels';
import { GateLinks } from './GateLinks';
import { UnlockFields } from './UnlockFields';
import { useSession } from './session-store';

export function UnlockForm() {
  const profiles = useSession((s) => s.profiles);
  const lastProfileId = useSession((s) => s.status?.profile?.id ?? null);
  const busy = useSession((s) => s.busy);
  const error = useSession((s) => s.error);
  const [profileId, setProfileId] = useState(
    () => profiles.find((p) => p.id === lastProfileId)?.id ?? profiles[profiles.length - 1]?.id ?? '',
  );
  const [passphrase, setPassphrase] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!profileId || !passphrase) return;
    void useSession
      .getState()
      .unlock(profileId, passphrase)
      .then((ok) => ok || setPassphrase(''));
  };

  return (
    <form className="gate-card" onSubmit={submit} aria-labelledby="unlock-title">
      <h1 id="unlock-title">Unlock CodeDesk</h1>
      <label className="field">
        <span>Profile</span>
        <select
          value={profileId}
          onChange={(e) => {
            setProfileId(e.target.value);
            useSession.getState().clearError();
          }}
        >
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName} ({ROLE_LABELS[p.role]})
            </option>
          ))}
        </select>
      </label>
      <UnlockFields passphrase={passphrase} onChange={setPassphrase} busy={busy} error={error} />
      <GateLinks profileId={profileId} />
    </form>
  );
}
