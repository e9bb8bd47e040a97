/**
 * The queue grid: TanStack Table for columns and (server-side) sorting, TanStack Virtual so
 * only the visible rows exist in the DOM. Focus stays on the grid; the selected row is its
 * active descendant, so ↑/↓/Enter work without tabbing through rows.
 */
import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useRoute } from '../../app/route-store';
import { isChartSortKey, queueColumns, queueFeatures } from './queue-columns';
import { useQueue } from './queue-store';

export const QUEUE_ROW_HEIGHT = 28;
/** Start fetching the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 30;

export function QueueTable({ gridRef }: { gridRef: RefObject<HTMLTableElement | null> }) {
  const rows = useQueue((s) => s.rows);
  const total = useQueue((s) => s.total);
  const sort = useQueue((s) => s.sort);
  const selected = useQueue((s) => s.selected);
  const loading = useQueue((s) => s.loading);
  const scrollRef = useRef<HTMLDivElement>(null);

  const sorting = useMemo<SortingState>(() => sort.map((s) => ({ id: s.key, desc: s.desc })), [sort]);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      useQueue.getState().setSort(next.flatMap((s) => (isChartSortKey(s.id) ? [{ key: s.id, desc: s.desc }] : [])));
    },
    [sorting],
  );

  const table = useTable({
    features: queueFeatures,
    columns: queueColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: true,
    maxMultiSortColCount: 3,
    sortDescFirst: false,
  });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    getItemKey: (index) => tableRows[index]?.id ?? index,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? -1;

  // Fetch the next page as the coder nears the end of the loaded rows (by scroll or keys).
  useEffect(() => {
    const nearEnd = Math.max(lastVisible, selected) >= rows.length - PREFETCH_ROWS;
    if (nearEnd && total !== null && rows.length < total && !loading) void useQueue.getState().loadMore();
  }, [lastVisible, selected, rows.length, total, loading]);

  // Follow the keyboard selection only; a page arriving while the coder scrolls must not jump.
  useEffect(() => {
    if (useQueue.getState().rows.length > selected) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);

  const selectedRow = tableRows[selected];
  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / QUEUE_ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys on the header's sort buttons are theirs (Enter sorts; it must not open a chart).
    if (event.target !== event.currentTarget) return;
    const queue = useQueue.getState();
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: pageRows,
      PageUp: -pageRows,
      Home: -queue.rows.length,
      End: queue.rows.length,
    };
    const delta = moves[event.key];
    if (delta !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      queue.moveSelection(delta);
    } else if (event.key === 'Enter' && selectedRow) {
      event.preventDefault();
      useRoute.getState().openChart(selectedRow.id);
    }
  };

  return (
    <div className="queue-scroll" ref={scrollRef}>
      <table
        ref={gridRef}
        className="queue-table"
        role="grid"
        aria-label="Chart queue"
        aria-rowcount={total === null ? -1 : total + 1}
        aria-activedescendant={selectedRow ? `queue-row-${selectedRow.id}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    className={`col-${header.column.id}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                      title="Sort (Shift+click adds a second sort)"
                    >
                      <table.FlexRender header={header} />
                      <span className="sort-mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="queue-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            const isSelected = item.index === selected;
            return (
              <tr
                key={row.id}
                id={`queue-row-${row.id}`}
                className={isSelected ? 'queue-row selected' : 'queue-row'}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-index={item.index}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => useQueue.getState().select(item.index)}
                onDoubleClick={() => useRoute.getState().openChart(row.id)}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
