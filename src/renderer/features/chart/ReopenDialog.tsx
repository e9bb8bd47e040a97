/** Reopen a submitted chart for correction: a reason (required) and a note (required for "Other"). */
import { useState, type FormEvent } from 'react';
import { REOPEN_NOTE_MAX, REOPEN_REASONS, type ReopenReason } from '../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { REOPEN_REASON_LABELS } from '../../lib/labels';
import { useVersions } from './versions-store';

export function ReopenDialog(props: { chartId: string; version: number; onClose(): void; onReopened(): void }) {
  const reopening = useVersions((s) => s.reopening);
  const error = useVersions((s) => s.reopenError);
  const [reason, setReason] = useState<ReopenReason | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const next = props.version + 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason === '') {
      setProblem('Choose why the chart is reopened.');
      return;
    }
    if (reason === 'other' && note.trim() === '') {
      setProblem('Say in the note why the chart is reopened.');
      return;
    }
    setProblem(null);
    void useVersions
      .getState()
      .reopen(props.chartId, reason, note.trim())
      .then((done) => done && props.onReopened());
  };

  return (
    <Dialog title="Reopen for correction" onClose={props.onClose}>
      <form className="hold-form reopen-form" onSubmit={submit} noValidate>
        <p className="muted reopen-explain">
          Submitted v{props.version} stays as it was, on the record. Your corrections become v{next}, which you submit again.
        </p>
        <label className="field">
          <span>Reason</span>
          <select
            value={reason}
            onChange={(e) => {
              setReason(e.target.value as ReopenReason | '');
              setProblem(null);
            }}
            required
          >
            <option value="">Choose a reason…</option>
            {REOPEN_REASONS.map((r) => (
              <option key={r} value={r}>
                {REOPEN_REASON_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Note{reason === 'other' ? '' : ' (optional)'}</span>
          <textarea
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setProblem(null);
            }}
            maxLength={REOPEN_NOTE_MAX}
            rows={3}
          />
        </label>
        <ErrorText message={problem ?? error} />
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={reopening}>
            {reopening ? 'Reopening…' : `Reopen as v${next}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
