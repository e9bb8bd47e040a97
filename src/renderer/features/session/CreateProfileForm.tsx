/** First run: create the one local profile (name, role, passphrase). */
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/domain';
import { ErrorText } from '../../components/ErrorText';
import { ROLE_LABELS } from '../../lib/labels';
import { newPassphraseProblem, strengthHint, usePassphraseStrength } from './passphrase';
import { useSession } from './session-store';

export function CreateProfileForm() {
  const busy = useSession((s) => s.busy);
  const serverError = useSession((s) => s.error);
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('coder');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const strength = usePassphraseStrength(passphrase, displayName);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = displayName.trim();
    const found = name === '' ? 'Enter your display name.' : newPassphraseProblem(passphrase, confirm, strength);
    setProblem(found);
    if (found) return;
    void useSession.getState().createProfile({ displayName: name, role, passphrase });
  };

  return (
    <form className="gate-card" onSubmit={submit} noValidate aria-labelledby="create-title">
      <h1 id="create-title">Create your profile</h1>
      <p className="gate-lead">
        Your charts are kept encrypted on this computer. The passphrase unlocks them; nobody can recover it for you.
      </p>
      <label className="field">
        <span>Display name</span>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={80} autoComplete="name" />
      </label>
      <label className="field">
        <span>Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Passphrase</span>
        <input
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="new-password"
          aria-describedby="passphrase-hint"
        />
      </label>
      <p id="passphrase-hint" className="field-hint" aria-live="polite">
        {strengthHint(strength)}
      </p>
      <label className="field">
        <span>Confirm passphrase</span>
        <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
      </label>
      <ErrorText message={problem ?? serverError} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create profile'}
      </button>
    </form>
  );
}
