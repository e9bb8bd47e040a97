/** Choosing a plain (unencrypted) export is explicit: this says what it means before it is allowed. */
import { Dialog } from '../../components/Dialog';

export function PlainConfirm({ onCancel, onConfirm }: { onCancel(): void; onConfirm(): void }) {
  return (
    <Dialog title="Write a plain file?" onClose={onCancel} initialFocus="button[data-keep]">
      <p>
        A plain export is not encrypted. <strong>Anyone who has the file can read it</strong> — the patient and encounter
        identifiers, dates and every code — wherever it ends up: a USB stick, an e-mail, a shared or cloud folder, a backup.
      </p>
      <p>Choose it only for a system that cannot open an encrypted file, and keep the file where only that system can reach it.</p>
      <div className="export-confirm-actions">
        <button type="button" data-keep onClick={onCancel}>
          Keep it encrypted
        </button>
        <button type="button" className="export-danger" onClick={onConfirm}>
          Write plain files
        </button>
      </div>
    </Dialog>
  );
}
