/** Put the chart on hold: a reason and a note (both required by the service). */
import { useState, type FormEvent } from 'react';
import { HOLD_REASONS, type HoldReason } from '../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { HOLD_REASON_LABELS } from '../../lib/labels';
import { useWorkflow } from './workflow-store';

export function HoldDialog({ chartId, onClose }: { chartId: string; onClose(): void }) {
  const busy = useWorkflow((s) => s.busy);
  const error = useWorkflow((s) => s.error);
  const [reason, setReason] = useState<HoldReason>('missing_documentation');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      setProblem('Add a short note saying what is needed.');
      return;
    }
    void useWorkflow
      .getState()
      .hold(chartId, reason, note.trim())
      .then((held) => held && onClose());
  };

  return (
    <Dialog title="Put chart on hold" onClose={onClose}>
      <form className="hold-form" onSubmit={submit} noValidate>
        <label className="field">
          <span>Reason</span>
          <select value={reason} onChange={(e) => setReason(e.target.value as HoldReason)}>
            {HOLD_REASONS.map((r) => (
              <option key={r} value={r}>
                {HOLD_REASON_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Note</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={3} />
        </label>
        <ErrorText message={problem ?? error} />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'hold' ? 'Holding…' : 'Hold chart'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
