/**
 * A new profile (display name, role, passphrase): the first on this device, or another one
 * added from the lock screen. Each profile gets its own passphrase, recovery key and
 * encrypted workspace. On a device with profiles, a coder may be added freely; an auditor or
 * supervisor needs a supervisor's approval (and cannot be added where there is none).
 */
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/domain';
import { ErrorText } from '../../components/ErrorText';
import { ROLE_LABELS } from '../../lib/labels';
import { ApprovalFields, type ApprovalValue } from './ApprovalFields';
import { newPassphraseProblem, strengthHint, usePassphraseStrength } from './passphrase';
import { useSession } from './session-store';

export function CreateProfileForm({ adding = false }: { adding?: boolean }) {
  const busy = useSession((s) => s.busy);
  const serverError = useSession((s) => s.error);
  const profiles = useSession((s) => s.profiles);
  const supervisors = profiles.filter((p) => p.role === 'supervisor');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('coder');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [approval, setApproval] = useState<ApprovalValue>({ profileId: '', passphrase: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const strength = usePassphraseStrength(passphrase, displayName);
  const needsApproval = adding && role !== 'coder';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = displayName.trim();
    const found =
      name === ''
        ? adding
          ? 'Enter the display name.'
          : 'Enter your display name.'
        : (newPassphraseProblem(passphrase, confirm, strength) ??
          (needsApproval && !approval.passphrase ? 'Enter the approving supervisor’s passphrase.' : null));
    setProblem(found);
    if (found) return;
    // The list loads after the form opens: the first supervisor unless one was chosen.
    const approver = { ...approval, profileId: approval.profileId || (supervisors[0]?.id ?? '') };
    void useSession.getState().createProfile({ displayName: name, role, passphrase, ...(needsApproval ? { approval: approver } : {}) });
  };

  return (
    <form className="gate-card" onSubmit={submit} noValidate aria-labelledby="create-title">
      <h1 id="create-title">{adding ? 'Add a profile' : 'Create your profile'}</h1>
      <p className="gate-lead">
        {adding
          ? 'For another person on this computer. Their charts are kept in a workspace of their own, encrypted under their passphrase.'
          : 'Your charts are kept encrypted on this computer. The passphrase unlocks them; nobody can recover it for you.'}
      </p>
      <label className="field">
        <span>Display name</span>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={80} autoComplete="name" autoFocus={adding} />
      </label>
      <label className="field">
        <span>Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-describedby={adding ? 'role-hint' : undefined}>
          {ROLES.map((r) => (
            <option key={r} value={r} disabled={adding && r !== 'coder' && supervisors.length === 0}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      {adding ? (
        <p id="role-hint" className="field-hint">
          {supervisors.length === 0
            ? 'Only a coder can be added: auditor and supervisor profiles are approved by a supervisor of this computer, and it has none.'
            : 'Auditor and supervisor profiles are approved by a supervisor of this computer.'}
        </p>
      ) : null}
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
      {needsApproval ? <ApprovalFields supervisors={supervisors} value={approval} onChange={setApproval} /> : null}
      <ErrorText message={problem ?? serverError} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Creating…' : adding ? 'Add profile' : 'Create profile'}
      </button>
      {adding ? (
        <button type="button" className="link-button" onClick={() => void useSession.getState().showGate(null)}>
          Back to unlock
        </button>
      ) : null}
    </form>
  );
}
