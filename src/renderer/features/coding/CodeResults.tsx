/**
 * The picker's result list. It is the only part of the chart that changes with each search
 * reply, so it subscribes to the results alone, and rows that a reply leaves unchanged (same
 * code, title and match) are not rendered again. A new result set renders the rows on screen
 * first and the rest a frame later, out of sight: each row costs the keystroke's frame layout
 * and paint.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CodeHit } from '../../../shared/domain';
import { SYSTEM_LABELS } from '../../lib/labels';
import { requestAdd } from '../encoder/add-flow';
import { usePicker } from './picker-store';
import { markPainted } from './search-timing';
import { replacementText } from './hit-status';

export const RESULTS_ID = 'code-results';
/** Rows rendered in a new result set's first frame: about what the list shows on a laptop screen (titles mostly wrap). */
export const FIRST_FRAME_ROWS = 8;
export const optionId = (index: number) => `code-option-${index}`;

const MATCHED_BY_LABELS: Record<NonNullable<CodeHit['matchedBy']>['kind'], string> = {
  index: 'via index',
  inclusion: 'inclusion term',
  synonym: 'synonym',
  typo: 'spelling',
  // The typed words the match left out.
  partial: 'Ignored',
  // No code covers every concept typed: this one and its partner together do.
  pair: 'Pair',
};

/** Two hits that would render the same row. */
export function sameHit(a: CodeHit, b: CodeHit): boolean {
  return (
    a.system === b.system &&
    a.code === b.code &&
    a.title === b.title &&
    a.billable === b.billable &&
    a.matchedBy?.kind === b.matchedBy?.kind &&
    a.matchedBy?.text === b.matchedBy?.text &&
    a.terminated?.on === b.terminated?.on &&
    a.terminated?.replacedBy.join() === b.terminated?.replacedBy.join() &&
    a.startsOn === b.startsOn
  );
}

/** The flag at the end of a row: not in force (with its date), billable, or header. */
function HitFlag({ hit }: { hit: CodeHit }) {
  if (hit.terminated) {
    const replaced = replacementText(hit);
    return (
      <span className="code-flag terminated">
        Terminated {hit.terminated.on}
        {replaced ? <span className="replaced-by"> — {replaced}</span> : null}
      </span>
    );
  }
  if (hit.startsOn) return <span className="code-flag terminated">In force from {hit.startsOn}</span>;
  return hit.billable ? <span className="code-flag billable">billable</span> : <span className="code-flag header">header — not billable</span>;
}

interface RowProps {
  hit: CodeHit;
  index: number;
  active: boolean;
}

function pick(index: number, hit: CodeHit): void {
  usePicker.getState().setActive(index);
  void requestAdd(hit);
}

const ResultRow = memo(
  function ResultRow({ hit, index, active }: RowProps) {
    return (
      <li
        id={optionId(index)}
        role="option"
        aria-selected={active}
        className={`option-row${active ? ' active' : ''}${hit.terminated || hit.startsOn ? ' not-in-force' : ''}`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => pick(index, hit)}
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
        <HitFlag hit={hit} />
      </li>
    );
  },
  (prev, next) => prev.index === next.index && prev.active === next.active && sameHit(prev.hit, next.hit),
);

/** How many rows to render: the first frame's share of a new result set, all of it once that has painted. */
function useRowsShown(results: readonly CodeHit[], active: number): number {
  const [complete, setComplete] = useState<readonly CodeHit[] | null>(null);
  const done = complete === results || results.length <= FIRST_FRAME_ROWS;
  useEffect(() => {
    if (done) return;
    // A task queued now runs after the frame that paints the first rows.
    const timer = setTimeout(() => setComplete(results), 0);
    return () => clearTimeout(timer);
  }, [results, done]);
  return done ? results.length : Math.max(FIRST_FRAME_ROWS, active + 1);
}

export function CodeResults() {
  const results = usePicker((s) => s.results);
  const active = usePicker((s) => s.active);
  const paintKey = usePicker((s) => s.paintKey);
  const listRef = useRef<HTMLUListElement>(null);
  const shownRows = useRowsShown(results, active);

  // Results of a keystroke are in the DOM now: time their paint.
  useLayoutEffect(() => {
    if (paintKey !== null) markPainted(paintKey);
  }, [paintKey, results]);

  // Keep the highlighted row in view. A new result set starts at the top; when the list was
  // never scrolled there is nothing to do, so no layout is forced before the results' frame.
  const scrolled = useRef(false);
  const shown = useRef(results);
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const fresh = shown.current !== results;
    shown.current = results;
    if (fresh && active === 0) {
      if (scrolled.current) list.scrollTop = 0;
      return;
    }
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active, results]);

  return (
    <ul
      ref={listRef}
      id={RESULTS_ID}
      className="code-results"
      role="listbox"
      aria-label="Code results"
      onScroll={(e) => (scrolled.current = e.currentTarget.scrollTop !== 0)}
    >
      {results.slice(0, shownRows).map((hit, index) => (
        <ResultRow key={`${hit.system}:${hit.code}`} hit={hit} index={index} active={index === active} />
      ))}
    </ul>
  );
}
