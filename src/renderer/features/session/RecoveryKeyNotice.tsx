/** Shows a freshly issued recovery key exactly once. */
import { useSession } from './session-store';

export function RecoveryKeyNotice({ recoveryKey }: { recoveryKey: string }) {
  return (
    <section className="gate-card" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Your recovery key</h1>
      <p className="gate-lead">
        <strong>Write this down and keep it somewhere safe; it is shown once.</strong> If you forget your passphrase, this
        key is the only way back into your charts.
      </p>
      <output className="recovery-key" aria-label="Recovery key">
        {recoveryKey}
      </output>
      <button type="button" className="primary" onClick={() => void useSession.getState().acknowledgeRecoveryKey()}>
        I have saved it
      </button>
    </section>
  );
}
