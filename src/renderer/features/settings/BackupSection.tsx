/**
 * A backup of this profile's workspace: an encrypted copy (same key) written to a path the
 * coder types (the browser host has no save dialog), verified by main before it takes its
 * name. The result says where, how large and when.
 */
import { useState, type FormEvent } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { ResultList } from '../../components/ResultList';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { formatBytes, isFullPath } from '../../lib/paths';

interface Done {
  path: string;
  bytes: number;
  at: string;
}

export function BackupSection() {
  const [file, setFile] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const path = file.trim();
    setDone(null);
    if (!isFullPath(path)) {
      setError('Give the full path of a new file, e.g. /media/usb/codedesk-backup.db.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await call('workspace.backup', { path });
    setBusy(false);
    if (!result.ok) {
      setError(describeError(result.error));
      return;
    }
    setDone({ path: result.value.path, bytes: result.value.bytes, at: new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) });
  };

  return (
    <section className="settings-section" aria-labelledby="backup-title">
      <h3 id="backup-title">Back up workspace</h3>
      <form className="settings-row settings-row-bottom" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field settings-grow">
          <span>New backup file (full path)</span>
          <input
            value={file}
            onChange={(e) => setFile(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="settings-path"
            aria-describedby="backup-hint"
          />
        </label>
        <button type="submit" className="primary" disabled={busy || file.trim() === ''}>
          {busy ? 'Backing up…' : 'Back up'}
        </button>
      </form>
      <p id="backup-hint" className="field-hint settings-hint">
        The copy stays encrypted and opens only with your passphrase. Keep it on another disk; restore it from the lock screen.
      </p>
      <ErrorText message={error} />
      {done ? (
        <div role="status">
          <p className="settings-done">Backup written and verified.</p>
          <ResultList
            label="Backup result"
            rows={[
              { label: 'File', value: done.path, path: true },
              { label: 'Size', value: formatBytes(done.bytes) },
              { label: 'Written at', value: done.at },
            ]}
          />
        </div>
      ) : null}
    </section>
  );
}
