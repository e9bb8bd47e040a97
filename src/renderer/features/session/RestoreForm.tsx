/**
 * Restore a profile's workspace from a backup file, from the gate (the workspace is locked
 * while it is replaced). The passphrase is asked again; the browser host has no file
 * dialog, so the backup is named by its full path.
 */
import { useState, type FormEvent } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { isFullPath } from '../../lib/paths';
import { profileName, useSession } from './session-store';
import './session.css';

export function RestoreForm({ profileId }: { profileId: string }) {
  const busy = useSession((s) => s.busy);
  const serverError = useSession((s) => s.error);
  const displayName = useSession((s) => profileName(s, profileId));
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const path = file.trim();
    const found = !isFullPath(path) ? 'Give the backup’s full path, e.g. /media/usb/codedesk-backup.db.' : passphrase ? null : 'Enter your passphrase.';
    setProblem(found);
    if (found) return;
    void useSession
      .getState()
      .restore(profileId, passphrase, path)
      .then((ok) => ok || setPassphrase(''));
  };

  return (
    <form className="gate-card gate-card-wide" onSubmit={submit} noValidate aria-labelledby="restore-title">
      <h1 id="restore-title">Restore from a backup</h1>
      <p className="gate-lead">
        {displayName ? (
          <>
            For <strong>{displayName}</strong>.{' '}
          </>
        ) : null}
        The backup replaces this profile’s workspace; work done after it was taken is not in it. The replaced workspace is
        kept beside it, and the restore is recorded in the audit trail.
      </p>
      <label className="field">
        <span>Backup file (full path)</span>
        <input value={file} onChange={(e) => setFile(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
      </label>
      <label className="field">
        <span>Passphrase</span>
        <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" />
      </label>
      <ErrorText message={problem ?? serverError} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Restoring…' : 'Restore'}
      </button>
      <button type="button" className="link-button" onClick={() => void useSession.getState().showGate(null)}>
        Back to unlock
      </button>
    </form>
  );
}
