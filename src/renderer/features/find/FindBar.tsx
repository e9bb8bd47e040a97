/** Find in chart: Ctrl+F focuses it; Enter / Shift+Enter step through matches; other documents listed. */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { DOCUMENT_KIND_LABELS } from '../../lib/labels';
import { useChart } from '../chart/chart-store';
import { readPdfTexts } from '../documents/read-pdf-texts';
import { MAX_MATCHES } from './find';
import { useFind } from './find-store';
import { useOpenDocumentMatches, useOtherDocumentMatches } from './use-find-matches';

export function FindBar() {
  const query = useFind((s) => s.query);
  const current = useFind((s) => s.current);
  const focusRequest = useFind((s) => s.focusRequest);
  const matches = useOpenDocumentMatches();
  const others = useOtherDocumentMatches();
  const inputRef = useRef<HTMLInputElement>(null);
  const active = query.trim() !== '';
  // Only a new request takes focus, not one left over from the previous chart.
  const seenRequest = useRef(focusRequest);

  useEffect(() => {
    if (focusRequest === seenRequest.current) return;
    seenRequest.current = focusRequest;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest]);

  // Other documents are fetched (and their PDFs read) only once the coder actually searches.
  useEffect(() => {
    if (!active) return;
    void useChart
      .getState()
      .loadAllDocuments()
      .then(() => readPdfTexts(Object.values(useChart.getState().documents)));
  }, [active]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      useFind.getState().step(event.shiftKey ? -1 : 1, matches.length);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault(); // clears the search instead of leaving the chart
      useFind.getState().clear();
    }
  };

  const count = matches.length;
  const position = !active ? '' : count === 0 ? 'No matches' : `${current + 1} of ${count}${count >= MAX_MATCHES ? '+' : ''}`;

  return (
    <div className="find-bar" role="search">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in chart"
        placeholder="Find in chart  (Ctrl+F)"
        value={query}
        maxLength={200}
        spellCheck={false}
        onChange={(e) => useFind.getState().setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <output className="find-position" aria-live="polite">
        {position}
      </output>
      <button type="button" className="icon-button" aria-label="Previous match" disabled={count === 0} onClick={() => useFind.getState().step(-1, count)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="Next match" disabled={count === 0} onClick={() => useFind.getState().step(1, count)}>
        ↓
      </button>
      {others.length > 0 ? (
        <span className="find-others">
          Also in:
          {others.map(({ meta, count: n }) => (
            <button
              key={meta.id}
              type="button"
              className="link-button"
              onClick={() => {
                void useChart.getState().openDocument(meta.id);
                useFind.getState().setCurrent(0);
              }}
            >
              {meta.title || DOCUMENT_KIND_LABELS[meta.kind]} ({n})
            </button>
          ))}
        </span>
      ) : null}
    </div>
  );
}
