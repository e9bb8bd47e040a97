/** Keyboard shortcuts as a definition list (help panel). */
export interface Shortcut {
  keys: string;
  does: string;
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
