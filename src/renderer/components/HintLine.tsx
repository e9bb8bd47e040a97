/** The screen's footer of shortcuts: one item per shortcut, so a narrow window wraps between items. */
import type { Shortcut } from './ShortcutList';

/** A description as it reads mid-line: "Next chart" → "next chart", but "ICD-10-PCS builder" stays. */
function midLine(text: string): string {
  const firstWord = text.split(/\s/)[0] ?? '';
  // An acronym (a second capital, digit or hyphen after the first letter) keeps its case.
  if (/^.[A-Z0-9-]/.test(firstWord)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "Alt+P ICD-10-PCS builder": the shortcut's short hint, else its description without the parenthesis. */
export function hintText(s: Shortcut): string {
  return `${s.keys} ${s.hint ?? midLine(s.does.split(' (')[0] ?? s.does)}`;
}

export function HintLine({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  return (
    <footer className="hint-line">
      {shortcuts.map((s) => (
        <span key={s.keys} className="hint">
          {hintText(s)}
        </span>
      ))}
      <span className="hint">? all shortcuts</span>
    </footer>
  );
}
