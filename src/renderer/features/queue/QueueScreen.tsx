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
