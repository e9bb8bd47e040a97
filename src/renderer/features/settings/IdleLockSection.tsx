/**
 * The idle lock (automatic logoff): 1 to 30 minutes. Main stores it with its audit entry in
 * one transaction and re-arms the lock at once, counted from the last activity.
 */
import { useState, type FormEvent } from 'react';
import { IDLE_LOCK_LIMITS } from '../../../shared/domain';
import { ErrorText } from '../../components/ErrorText';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useSession } from '../session/session-store';

const { min, max } = IDLE_LOCK_LIMITS;

export function IdleLockSection() {
  const current = useSession((s) => s.status?.idleLockMinutes ?? null);
  const [text, setText] = useState(() => (current === null ? '' : String(current)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const minutes = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(minutes) || minutes < min || minutes > max) {
      setError(`Enter a whole number of minutes from ${min} to ${max}.`);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await call('settings.setIdleLock', { minutes });
    setBusy(false);
    if (!result.ok) {
      setError(describeError(result.error));
      return;
    }
    useSession.getState().applyStatus(result.value);
    setSaved(result.value.idleLockMinutes);
  };

  return (
    <section className="settings-section" aria-labelledby="idle-lock-title">
      <h3 id="idle-lock-title">Automatic lock</h3>
      <form className="settings-row" onSubmit={(e) => void submit(e)} noValidate>
        <label className="settings-inline">
          <span>Lock after</span>
          <input
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="settings-minutes"
            aria-label="Idle minutes before CodeDesk locks"
            aria-describedby="idle-lock-hint"
          />
          <span>idle minutes</span>
        </label>
        <button type="submit" disabled={busy || text === String(current)}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </form>
      <p id="idle-lock-hint" className="field-hint settings-hint">
        {min} to {max} minutes. CodeDesk hides every chart and forgets its key when it locks; your work is saved.
      </p>
      <ErrorText message={error} />
      {saved !== null ? (
        <p className="settings-done" role="status">
          Saved: CodeDesk now locks after {saved} idle {saved === 1 ? 'minute' : 'minutes'}.
        </p>
      ) : null}
    </section>
  );
}
