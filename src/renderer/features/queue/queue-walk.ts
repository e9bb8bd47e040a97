/**
 * "Next chart" walks the queue the coder sees: its rows as last read (the current sort and
 * filter), from where the open chart stood there. The open chart keeps its place even when
 * the filter would now hide it (just submitted), because the rows are not re-read until the
 * queue shows again. Charts with nothing to code (on hold, submitted) are passed over unless
 * the coder filtered by status, who then walks exactly those. No wrap at the end.
 */
import type { ChartRow } from '../../../shared/domain';
import { useQueue } from './queue-store';

export type NextInQueue =
  | { kind: 'chart'; chartId: string }
  | { kind: 'end' }
  /** The chart is not in the queue's list (the filter never showed it). */
  | { kind: 'missing' }
  | { kind: 'error'; message: string };

const WORKABLE: readonly ChartRow['status'][] = ['new', 'in_progress'];

/** Resolves once no page is being read. */
function settled(): Promise<void> {
  if (!useQueue.getState().loading) return Promise.resolve();
  return new Promise((resolve) => {
    const off = useQueue.subscribe((s) => {
      if (s.loading) return;
      off();
      resolve();
    });
  });
}

export async function nextInQueue(chartId: string): Promise<NextInQueue> {
  // After an unlock the queue is empty: read it (the coder's own chart is somewhere in it).
  if (useQueue.getState().total === null) await useQueue.getState().reload();
  await settled();
  const walksAll = useQueue.getState().status.length > 0;
  let from = -1; // index after the open chart's row, once found
  let scanned = 0;
  for (;;) {
    const { rows, total, error } = useQueue.getState();
    if (error) return { kind: 'error', message: error };
    if (from < 0) {
      const at = rows.findIndex((r) => r.id === chartId);
      from = at < 0 ? -1 : at + 1;
    }
    if (from >= 0) {
      for (let i = Math.max(from, scanned); i < rows.length; i++) {
        const row = rows[i];
        if (row && (walksAll || WORKABLE.includes(row.status))) {
          useQueue.getState().select(i); // back in the queue, the coder is where they left off
          return { kind: 'chart', chartId: row.id };
        }
      }
    }
    scanned = rows.length;
    if (total === null || rows.length >= total) return from < 0 ? { kind: 'missing' } : { kind: 'end' };
    await useQueue.getState().loadMore();
    await settled();
    if (useQueue.getState().rows.length <= rows.length && !useQueue.getState().error) return { kind: 'end' };
  }
}
