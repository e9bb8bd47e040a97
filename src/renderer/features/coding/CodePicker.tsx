/**
 * Search as you type, ↑/↓ to move, Enter to add. Focus stays in the search box so a coder
 * can add code after code without touching the mouse. The highlighted result shows in the
 * code detail; a code that needs a 7th character opens the chooser.
 */
import { useEffect, useLayoutEffect, type KeyboardEvent } from 'react';
import { CODE_SYSTEMS, type CodeHit, type CodeSystem } from '../../../shared/domain';
import { SYSTEM_LABELS } from '../../lib/labels';
import { requestAdd } from '../encoder/add-flow';
import { useDetail } from '../encoder/detail-store';
import { EncoderTools } from '../encoder/EncoderTools';
import { usePicker } from './picker-store';
import { markPainted } from './search-timing';
import './coding.css';

export const CODE_SEARCH_ID = 'code-search';
const optionId = (index: number) => `code-option-${index}`;
/** The detail follows the highlight after a short pause, so typing is never slowed by it. */
export const DETAIL_FOLLOW_MS = 120;

const addHit = (hit: CodeHit) => void requestAdd(hit);

const MATCHED_BY_LABELS: Record<NonNullable<CodeHit['matchedBy']>['kind'], string> = {
  index: 'via index',
  inclusion: 'inclusion term',
  synonym: 'synonym',
  typo: 'spelling',
};

export function CodePicker() {
  const query = usePicker((s) => s.query);
  const system = usePicker((s) => s.system);
  const results = usePicker((s) => s.results);
  const active = usePicker((s) => s.active);
  const searching = usePicker((s) => s.searching);
  const error = usePicker((s) => s.error);
  const message = usePicker((s) => s.message);
  const paintKey = usePicker((s) => s.paintKey);

  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active, results]);

  // Results of a keystroke are in the DOM now: time their paint.
  useLayoutEffect(() => {
    if (paintKey !== null) markPainted(paintKey);
  }, [paintKey, results]);

  const highlighted = results[active];
  useEffect(() => {
    if (!highlighted) return;
    const timer = setTimeout(
      () => void useDetail.getState().open({ system: highlighted.system, code: highlighted.code }),
      DETAIL_FOLLOW_MS,
    );
    return () => clearTimeout(timer);
  }, [highlighted]);

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
      <div className="picker-head">
        <h2 id="picker-title" className="pane-title">
          Add codes
        </h2>
        <EncoderTools />
      </div>
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
            <span className="code-title">
              {hit.title || 'No descriptor shipped'}
              {hit.matchedBy ? (
                <span className={`matched-by matched-${hit.matchedBy.kind}`}>
                  {MATCHED_BY_LABELS[hit.matchedBy.kind]}: {hit.matchedBy.text}
                </span>
              ) : null}
            </span>
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
