/**
 * ICD-10-PCS table builder: section → body system → operation → body part → approach → device →
 * qualifier. Type a character (or ↑/↓ and Enter) to choose; Backspace steps back; Enter on a
 * finished code adds it to the procedures and closes the builder. Only the values the tables
 * allow are offered.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { addNow, useAddFlow } from './add-flow';
import { usePcs } from './pcs-store';
import './encoder.css';
import './pcs-builder.css';

const optionId = (i: number) => `pcs-option-${i}`;

export function PcsBuilder({ onClose }: { onClose(): void }) {
  const prefix = usePcs((s) => s.prefix);
  const step = usePcs((s) => s.step);
  const active = usePcs((s) => s.active);
  const loading = usePcs((s) => s.loading);
  const error = usePcs((s) => s.error);
  const message = useAddFlow((s) => s.message);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    useAddFlow.setState({ message: null });
    void usePcs.getState().load('');
  }, []);

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active, step]);

  const finished = step?.code ?? null;
  // Done once the code is in: the builder closes (focus goes back, the Alt keys work again)
  // and "Added X." shows under the code search. A refusal keeps it open with the reason.
  const add = () => {
    if (finished && addNow(finished)) onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const pcs = usePcs.getState();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      pcs.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Backspace') {
      void pcs.back();
    } else if (event.key === 'Enter') {
      if (finished) add();
      else {
        const option = pcs.step?.options[pcs.active];
        if (option) void pcs.choose(option.value);
      }
    } else if (event.key.length === 1 && /[0-9a-z]/i.test(event.key)) {
      pcs.typeChar(event.key);
    } else {
      return;
    }
    event.preventDefault();
  };

  const slots = Array.from({ length: 7 }, (_, i) => prefix[i] ?? '·');

  return (
    <Dialog title="ICD-10-PCS builder" onClose={onClose} className="wide-dialog" initialFocus=".pcs-keys">
      <div className="pcs-builder pcs-keys" tabIndex={0} aria-label="PCS builder keys" onKeyDown={onKeyDown}>
        <p className="pcs-code" aria-label={`Code so far: ${prefix || 'empty'}`}>
          {slots.map((c, i) => (
            <span key={i} className={i < prefix.length ? 'pcs-slot filled' : i === prefix.length ? 'pcs-slot next' : 'pcs-slot'}>
              {c}
            </span>
          ))}
        </p>
        {step && step.chosen.length > 0 ? (
          <ol className="pcs-chosen" aria-label="Chosen so far">
            {step.chosen.map((c) => (
              <li key={c.position}>
                <span className="pcs-axis">{c.axis}</span> <span className="code-value">{c.value}</span> {c.label}
              </li>
            ))}
          </ol>
        ) : null}
        <ErrorText message={error} />
        {finished ? (
          <div className="pcs-finished">
            <span className="code-value">{finished.code}</span> <span>{finished.title}</span>
            <button type="button" onClick={add}>
              Add {finished.code} and close (Enter)
            </button>
          </div>
        ) : null}
        {step && step.position !== null ? (
          <>
            <h3 className="pcs-axis-title">
              Character {step.position}: {step.axis ?? ''}
            </h3>
            <ul
              ref={listRef}
              className="pick-list pcs-options"
              role="listbox"
              aria-label={step.axis ?? 'Values'}
              aria-activedescendant={step.options[active] ? optionId(active) : undefined}
              aria-busy={loading}
            >
              {step.options.map((o, i) => (
                <li
                  key={o.value}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'option-row active' : 'option-row'}
                  title={o.definition}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => void usePcs.getState().choose(o.value)}
                >
                  <span className="seventh-char">{o.value}</span>
                  <span className="pick-label">{o.label}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="muted pcs-hint">Type a character or ↑/↓ Enter · Backspace steps back · Esc closes</p>
        <p className="picker-status" role="status">
          {message ?? ''}
        </p>
      </div>
    </Dialog>
  );
}
