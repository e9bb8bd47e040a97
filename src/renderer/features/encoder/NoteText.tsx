/** A note's text with the codes it names as links (buttons: click or Enter opens the code). */
import type { TabularNote } from '../../../shared/encoder';
import { refTarget, splitNoteText } from './note-groups';

export function NoteText({ note, onOpen }: { note: TabularNote; onOpen(code: string): void }) {
  return (
    <>
      {splitNoteText(note.text, note.refs).map((segment, i) =>
        'ref' in segment ? (
          <button
            key={i}
            type="button"
            className="code-link"
            aria-label={`Open ${refTarget(segment.ref)}`}
            onClick={() => onOpen(refTarget(segment.ref))}
          >
            {segment.text}
          </button>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
