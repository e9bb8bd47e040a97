/** The coder's queue: toolbar, the virtualized grid, or an empty state. */
import { useEffect, useRef } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { HintLine } from '../../components/HintLine';
import { useRoute } from '../../app/route-store';
import { QUEUE_SHORTCUTS } from '../../app/shortcuts';
import { isModalOpen, isTypingTarget } from '../../lib/keys';
import { EmptyQueue } from './EmptyQueue';
import { QueueTable } from './QueueTable';
import { QueueToolbar } from './QueueToolbar';
import { hasActiveFilters, useQueue } from './queue-store';
import './queue.css';

/**
 * Enter in the search box searches now (not after the typing pause). One match opens; several
 * hand over to the grid on the first (Enter there opens it), so Enter never opens a guess.
 */
async function enterFromSearch(grid: HTMLTableElement | null): Promise<void> {
  await useQueue.getState().reload();
  const { rows, total } = useQueue.getState();
  if (total === 1 && rows[0]) useRoute.getState().openChart(rows[0].id);
  else if (total !== null && total > 1) grid?.focus();
}

export function QueueScreen() {
  const total = useQueue((s) => s.total);
  const error = useQueue((s) => s.error);
  const filtered = useQueue((s) => hasActiveFilters(s));
  const notice = useRoute((s) => s.notice);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);

  useEffect(() => {
    // First visit loads; coming back from a chart re-reads the loaded rows (statuses moved).
    const queue = useQueue.getState();
    void (queue.total === null ? queue.reload() : queue.refresh());
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTypingTarget(event.target) && !isModalOpen()) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'Enter' && event.target === searchRef.current) {
        event.preventDefault();
        void enterFromSearch(gridRef.current);
      } else if (event.key === 'Escape' && event.target === searchRef.current) {
        gridRef.current?.focus();
      } else if (event.key === 'ArrowDown' && event.target === searchRef.current) {
        event.preventDefault();
        gridRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hasRows = total !== null && total > 0;
  useEffect(() => {
    if (hasRows && !isTypingTarget(document.activeElement)) gridRef.current?.focus();
  }, [hasRows]);

  return (
    <main className="queue-screen" aria-label="Queue">
      <QueueToolbar searchRef={searchRef} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorText message={error} />
      {total === 0 ? <EmptyQueue filtered={filtered} /> : <QueueTable gridRef={gridRef} />}
      <HintLine shortcuts={QUEUE_SHORTCUTS} />
    </main>
  );
}
