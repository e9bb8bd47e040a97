/** The passphrase box, error and Unlock button shared by the unlock form and the lock screen. */
import { ErrorText } from '../../components/ErrorText';

export function UnlockFields(props: { passphrase: string; onChange(value: string): void; busy: boolean; error: string | null }) {
  return (
    <>
      <label className="field">
        <span>Passphrase</span>
        <input
          type="password"
          value={props.passphrase}
          onChange={(e) => props.onChange(e.target.value)}
          autoComplete="current-password"
          autoFocus
        />
      </label>
      <ErrorText message={props.error} />
      <button type="submit" className="primary" disabled={props.busy || !props.passphrase}>
        {props.busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </>
  );
}
