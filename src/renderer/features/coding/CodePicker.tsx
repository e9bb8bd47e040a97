/**
 * Search as you type, ↑/↓ to move, Enter to add. Focus stays in the search box so a coder
 * can add code after code without touching the mouse.
 */
import { useEffect, type KeyboardEvent } from 'react';
import { CODE_SYSTEMS, type CodeHit, type CodeSystem } from '../../../shared/domain';
import { SYSTEM_LABELS } from '../../lib/labels';
import { useCoding } from './coding-store';
import { usePicker } from './picker-store';
import { useTitles } from './titles-store';
import './coding.css';

export const CODE_SEARCH_ID = 'code-search';
const optionId = (index: number) => `code-option-${index}`;

function addHit(hit: CodeHit): void {
  const message = useCoding.getState().addCode(hit);
  const picker = usePicker.getState();
  if (message) {
    picker.setMessage(message);
    return;
  }
  useTitles.getState().remember(hit);
  picker.clear();
  picker.setMessage(`Added ${hit.code}.`);
}

export function CodePicker() {
  const query = usePicker((s) => s.query);
  const system = usePicker((s) => s.system);
  const results = usePicker((s) => s.results);
  const active = usePicker((s) => s.active);
  const searching = usePicker((s) => s.searching);
  const error = usePicker((s) => s.error);
  const message = usePicker((s) => s.message);

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active, results]);

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

  const status = error ?? message ?? (searching ? 'Searching…' : query.trim() && results.length === 0 ? 'No codes match.' : '');

  return (
    <section className="code-picker" aria-labelledby="picker-title">
      <h2 id="picker-title" className="pane-title">
        Add codes
      </h2>
      <div className="picker-controls">
        <input
          id={CODE_SEARCH_ID}
          type="search"
          role="combobox"
          aria-label="Search codes"
          aria-autocomplete="list"
          aria-expanded={results.length > 0}
          aria-controls="code-results"
          aria-activedescendant={results[active] ? optionId(active) : undefined}
          placeholder="Code or words  (Ctrl+K)"
          value={query}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => usePicker.getState().setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <select
          aria-label="Code system"
          value={system}
          onChange={(e) => usePicker.getState().setSystem(e.target.value as CodeSystem | '')}
        >
          <option value="">All systems</option>
          {CODE_SYSTEMS.map((s) => (
            <option key={s} value={s}>
              {SYSTEM_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <p className={error ? 'picker-status error-text' : 'picker-status'} role="status">
        {status}
      </p>
      <ul id="code-results" className="code-results" role="listbox" aria-label="Code results">
        {results.map((hit, index) => (
          <li
            key={`${hit.system}:${hit.code}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'code-option active' : 'code-option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              usePicker.getState().setActive(index);
              addHit(hit);
            }}
          >
            <span className="code-system">{SYSTEM_LABELS[hit.system]}</span>
            <span className="code-value">{hit.code}</span>
            <span className="code-title">{hit.title || 'No descriptor shipped'}</span>
            {hit.billable ? (
              <span className="code-flag billable">billable</span>
            ) : (
              <span className="code-flag header">header — not billable</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
