/** A quiet draft-save indicator; a failure says so plainly. */
import { useCoding } from './coding-store';

export function SaveIndicator() {
  const saveState = useCoding((s) => s.saveState);
  const saveError = useCoding((s) => s.saveError);
  const text =
    saveState === 'saving'
      ? 'Saving…'
      : saveState === 'pending'
        ? 'Unsaved changes'
        : saveState === 'saved'
          ? 'Saved'
          : saveState === 'error'
            ? `Not saved: ${saveError ?? 'unknown problem'}`
            : '';
  return (
    <span className={`save-indicator save-${saveState}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}
