/** Keyboard shortcuts as a definition list (help panel). */
export interface Shortcut {
  keys: string;
  does: string;
  /** A shorter wording for the screen's hint line (else `does`, mid-sentence). */
  hint?: string;
}

export function ShortcutList({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  return (
    <dl className="shortcut-list">
      {shortcuts.map((s) => (
        <div key={s.keys} className="shortcut-item">
          <dt>
            <kbd>{s.keys}</kbd>
          </dt>
          <dd>{s.does}</dd>
        </div>
      ))}
    </dl>
  );
}
