/** Chooser for a 7th character: type the character, or ↑/↓ and Enter. Esc cancels. */
import { useState, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { cancelSeventh, chooseSeventh, useAddFlow } from './add-flow';
import { withSeventh } from './seventh-char';
import './encoder.css';

export function SeventhCharDialog() {
  const pending = useAddFlow((s) => s.seventh);
  const [active, setActive] = useState(0);
  if (!pending) return null;
  const defs = pending.definitions;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.min(Math.max(a + (event.key === 'ArrowDown' ? 1 : -1), 0), defs.length - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const def = defs[active];
      if (def) void chooseSeventh(def.char);
    } else if (event.key.length === 1) {
      const def = defs.find((d) => d.char.toUpperCase() === event.key.toUpperCase());
      if (def) {
        event.preventDefault();
        void chooseSeventh(def.char);
      }
    }
  };

  return (
    <Dialog title={`7th character for ${pending.hit.code}`} onClose={cancelSeventh} className="seventh-dialog" initialFocus="[role=listbox]">
      <p className="muted">
        {pending.hit.title}. Type the character or pick one; placeholder X is filled in. Definitions from {pending.from}.
      </p>
      <ul
        className="pick-list"
        role="listbox"
        tabIndex={0}
        aria-label="7th characters"
        aria-activedescendant={`seventh-${active}`}
        onKeyDown={onKeyDown}
      >
        {defs.map((d, i) => (
          <li
            key={d.char}
            id={`seventh-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'option-row active' : 'option-row'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void chooseSeventh(d.char)}
          >
            <span className="seventh-char">{d.char}</span>
            <span className="pick-label">{d.title}</span>
            <span className="code-value pick-result">{withSeventh(pending.hit.code, d.char)}</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
