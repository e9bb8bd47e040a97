/** The running import: the file, its step and rows, and a bar over the whole import. */
import type { ImportProgress } from '../../../shared/contract';
import { progressView } from './import-progress';

export function ImportProgressBar({ progress }: { progress: ImportProgress | null }) {
  const view = progress ? progressView(progress) : null;
  return (
    <div className="import-progress" aria-live="polite">
      <progress
        aria-label="Import progress"
        max={1}
        // No value: an indeterminate bar while files are checked (or before the first event).
        {...(view?.fraction != null ? { value: view.fraction } : {})}
      />
      <div className="import-progress-text">
        <span className="import-progress-file">{view?.file ?? 'Starting…'}</span>
        <span className="muted">{view?.step ?? ''}</span>
      </div>
    </div>
  );
}
