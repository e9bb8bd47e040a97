/** A whole number of minutes in a range, saved through one API call that answers the new session status. */
import { useState, type FormEvent } from 'react';
import type { SessionStatus } from '../../../shared/domain';
import type { Result } from '../../../shared/result';
import { ErrorText } from '../../components/ErrorText';
import { describeError } from '../../lib/errors';
import { useSession } from '../session/session-store';

export interface MinutesSettingProps {
  id: string;
  title: string;
  current: number | null;
  min: number;
  max: number;
  /** Before and after the number, e.g. "Lock after" … "idle minutes". */
  before: string;
  after: string;
  label: string;
  hint: string;
  save(minutes: number): Promise<Result<SessionStatus>>;
  /** Read the saved value back from the status the call answered. */
  savedOf(status: SessionStatus): number;
  savedText(minutes: number): string;
}

export function MinutesSetting(p: MinutesSettingProps) {
  const [text, setText] = useState(() => (p.current === null ? '' : String(p.current)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const minutes = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(minutes) || minutes < p.min || minutes > p.max) {
      setError(`Enter a whole number of minutes from ${p.min} to ${p.max}.`);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await p.save(minutes);
    setBusy(false);
    if (!result.ok) {
      setError(describeError(result.error));
      return;
    }
    useSession.getState().applyStatus(result.value);
    setSaved(p.savedOf(result.value));
  };

  return (
    <section className="settings-section" aria-labelledby={`${p.id}-title`}>
      <h3 id={`${p.id}-title`}>{p.title}</h3>
      <form className="settings-row" onSubmit={(e) => void submit(e)} noValidate>
        <label className="settings-inline">
          <span>{p.before}</span>
          <input
            type="number"
            inputMode="numeric"
            min={p.min}
            max={p.max}
            step={1}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="settings-minutes"
            aria-label={p.label}
            aria-describedby={`${p.id}-hint`}
          />
          <span>{p.after}</span>
        </label>
        <button type="submit" disabled={busy || text === String(p.current)}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </form>
      <p id={`${p.id}-hint`} className="field-hint settings-hint">
        {p.hint}
      </p>
      <ErrorText message={error} />
      {saved !== null ? (
        <p className="settings-done" role="status">
          {p.savedText(saved)}
        </p>
      ) : null}
    </section>
  );
}
