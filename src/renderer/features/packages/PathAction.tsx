/** One "type a full path, press the button" action with its error and its PHI-free outcome line. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { describeError } from '../../lib/errors';
import { isFullPath } from '../../lib/paths';
import type { AppError, Result } from '../../../shared/result';

export function PathAction<T>(props: {
  label: string;
  button: string;
  disabled?: boolean;
  children?: ReactNode;
  run(path: string): Promise<Result<T>>;
  describe(value: T): string;
}) {
  const [file, setFile] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!isFullPath(file.trim())) {
      setError('Give the full path of the file, e.g. /media/usb/charts.cdpkg.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await props.run(file.trim());
    setBusy(false);
    if (result.ok) setDone(props.describe(result.value));
    else setError(describeError(result.error as AppError));
  };

  return (
    <form className="packages-form" onSubmit={(e) => void submit(e)} noValidate>
      {props.children}
      <label className="field packages-grow">
        <span>{props.label}</span>
        <input value={file} onChange={(e) => setFile(e.target.value)} autoComplete="off" spellCheck={false} />
      </label>
      <button type="submit" className="primary" disabled={busy || props.disabled === true || file.trim() === ''}>
        {busy ? 'Working…' : props.button}
      </button>
      <ErrorText message={error} />
      {done ? (
        <p role="status" className="packages-done">
          {done}
        </p>
      ) : null}
    </form>
  );
}
