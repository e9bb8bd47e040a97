/** Emergency access: the recovery key sets a new passphrase (and a new recovery key is issued). */
import { useState, type FormEvent } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { newPassphraseProblem, strengthHint, usePassphraseStrength } from './passphrase';
import { profileName, useSession } from './session-store';

export function RecoverForm({ profileId }: { profileId: string }) {
  const busy = useSession((s) => s.busy);
  const serverError = useSession((s) => s.error);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const displayName = useSession((s) => profileName(s, profileId));
  const strength = usePassphraseStrength(passphrase, displayName);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = recoveryKey.trim() === '' ? 'Enter your recovery key.' : newPassphraseProblem(passphrase, confirm, strength);
    setProblem(found);
    if (found) return;
    void useSession.getState().recover(profileId, recoveryKey.trim(), passphrase);
  };

  return (
    <form className="gate-card" onSubmit={submit} noValidate aria-labelledby="recover-title">
      <h1 id="recover-title">Recover with your recovery key</h1>
      <p className="gate-lead">
        {displayName ? (
          <>
            For <strong>{displayName}</strong>.{' '}
          </>
        ) : null}
        Using the recovery key is recorded in the audit trail. You will get a new recovery key.
      </p>
      <label className="field">
        <span>Recovery key</span>
        <input value={recoveryKey} onChange={(e) => setRecoveryKey(e.target.value)} autoComplete="off" spellCheck={false} />
      </label>
      <label className="field">
        <span>New passphrase</span>
        <input
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="new-password"
          aria-describedby="new-passphrase-hint"
        />
      </label>
      <p id="new-passphrase-hint" className="field-hint" aria-live="polite">
        {strengthHint(strength)}
      </p>
      <label className="field">
        <span>Confirm new passphrase</span>
        <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
      </label>
      <ErrorText message={problem ?? serverError} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Recovering…' : 'Set new passphrase'}
      </button>
      <button type="button" className="link-button" onClick={() => void useSession.getState().showGate(null)}>
        Back to unlock
      </button>
    </form>
  );
}
