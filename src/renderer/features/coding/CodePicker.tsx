/**
 * Search as you type, ↑/↓ to move, Enter to add. Focus stays in the search box so a coder
 * can add code after code without touching the mouse. The highlighted result shows in the
 * code detail; a code that needs a 7th character opens the chooser.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { CODE_SYSTEMS, type CodeHit, type CodeSystem } from '../../../shared/domain';
import { SYSTEM_LABELS } from '../../lib/labels';
import { requestAdd } from '../encoder/add-flow';
import { useDetail } from '../encoder/detail-store';
import { EncoderTools } from '../encoder/EncoderTools';
import { CodeResults, RESULTS_ID, optionId } from './CodeResults';
import { usePicker, type PickerStore } from './picker-store';
import { valueAfterEdit } from './predict-input';
import './coding.css';

export const CODE_SEARCH_ID = 'code-search';
/** The detail follows the highlight after a short pause, so typing is never slowed by it. */
export const DETAIL_FOLLOW_MS = 120;

const addHit = (hit: CodeHit) => void requestAdd(hit);

const statusOf = (s: PickerStore): string =>
  s.error ?? s.message ?? (s.searching ? 'Searching…' : s.query.trim() && s.results.length === 0 ? 'No codes match.' : '');

/** One line under the box; a string selector, so it renders only when the words change. */
function PickerStatus() {
  const status = usePicker(statusOf);
  const isError = usePicker((s) => s.error !== null);
  return (
    <p className={isError ? 'picker-status error-text' : 'picker-status'} role="status">
      {status}
    </p>
  );
}

/** Opens the highlighted result's detail once the coder pauses. */
function DetailFollow(): null {
  const highlighted = usePicker((s) => s.results[s.active]);
  useEffect(() => {
    if (!highlighted) return;
    const timer = setTimeout(
      () => void useDetail.getState().open({ system: highlighted.system, code: highlighted.code }),
      DETAIL_FOLLOW_MS,
    );
    return () => clearTimeout(timer);
  }, [highlighted]);
  return null;
}

const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
  const picker = usePicker.getState();
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    picker.move(event.key === 'ArrowDown' ? 1 : -1);
  } else if (event.key === 'Enter') {
    event.preventDefault();
    const hit = picker.results[picker.active];
    if (hit) addHit(hit);
  } else if (event.key === 'Escape' && picker.query) {
    event.preventDefault(); // clears the box instead of leaving the chart
    picker.clear();
  }
};

/** At `beforeinput` the browser has yet to insert the character: start the search for the value it will give. */
function prefetchEdit(event: InputEvent): void {
  const box = event.target as HTMLInputElement;
  const next = valueAfterEdit(box.value, box.selectionStart, box.selectionEnd, event.inputType, event.data);
  if (next !== null && next.length <= box.maxLength) usePicker.getState().prefetch(next);
}

/** The box alone re-renders per keystroke (to echo the query). */
function SearchBox() {
  const query = usePicker((s) => s.query);
  const box = useRef<HTMLInputElement>(null);
  // React's onBeforeInput is a polyfill without deletions; the native event has every edit.
  useEffect(() => {
    const input = box.current;
    input?.addEventListener('beforeinput', prefetchEdit);
    return () => input?.removeEventListener('beforeinput', prefetchEdit);
  }, []);
  const expanded = usePicker((s) => s.results.length > 0);
  const activeId = usePicker((s) => (s.results[s.active] ? optionId(s.active) : undefined));
  return (
    <input
      ref={box}
      id={CODE_SEARCH_ID}
      type="search"
      role="combobox"
      aria-label="Search codes"
      aria-autocomplete="list"
      aria-expanded={expanded}
      aria-controls={RESULTS_ID}
      aria-activedescendant={activeId}
      placeholder="Code or words  (Ctrl+K)"
      value={query}
      maxLength={200}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => usePicker.getState().setQuery(e.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}

function SystemSelect() {
  const system = usePicker((s) => s.system);
  return (
    <select aria-label="Code system" value={system} onChange={(e) => usePicker.getState().setSystem(e.target.value as CodeSystem | '')}>
      <option value="">All systems</option>
      {CODE_SYSTEMS.map((s) => (
        <option key={s} value={s}>
          {SYSTEM_LABELS[s]}
        </option>
      ))}
    </select>
  );
}

/** Subscribes to nothing itself: each part listens to the slice of the picker it shows. */
export function CodePicker() {
  return (
    <section className="code-picker" aria-labelledby="picker-title">
      <div className="picker-head">
        <h2 id="picker-title" className="pane-title">
          Add codes
        </h2>
        <EncoderTools />
      </div>
      <div className="picker-controls">
        <SearchBox />
        <SystemSelect />
      </div>
      <PickerStatus />
      <CodeResults />
      <DetailFollow />
    </section>
  );
}
