/**
 * Keystroke-to-results-painted timing for the code picker, as User Timing entries the e2e
 * suite and the bench read: a mark per keystroke, a mark once its results are on screen, and
 * the measure 'search:keystroke-to-paint' between them. Names carry a counter, never the query.
 */
export const KEYSTROKE_TO_PAINT = 'search:keystroke-to-paint';
/** The renderer's own share: from the search reply arriving to its results painted. */
export const REPLY_TO_PAINT = 'search:reply-to-paint';
/** Old measures are dropped past this many so a long session does not grow the buffer. */
const KEEP_MEASURES = 2000;

let counter = 0;
let measured = 0;

const perf = (): Performance | null => (typeof performance !== 'undefined' && typeof performance.mark === 'function' ? performance : null);

/** Marks a keystroke in the search box; returns its id for markPainted. */
export function markKeystroke(): number {
  const id = ++counter;
  perf()?.mark(`search:keystroke:${id}`);
  return id;
}

/** The reply for keystroke `id` has arrived (before React renders it). */
export function markReply(id: number): void {
  perf()?.mark(`search:reply:${id}`);
}

/**
 * Called once the results of keystroke `id` are committed to the DOM. The mark goes in the
 * next animation frame and then after it (a task queued from rAF runs once that frame is
 * painted), so the measure covers style, layout and paint, not only React's commit.
 */
export function markPainted(id: number): void {
  const p = perf();
  if (!p || typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => {
    setTimeout(() => {
      const start = `search:keystroke:${id}`;
      if (p.getEntriesByName(start, 'mark').length === 0) return;
      const end = `search:paint:${id}`;
      p.mark(end);
      const reply = `search:reply:${id}`;
      p.measure(KEYSTROKE_TO_PAINT, start, end);
      if (p.getEntriesByName(reply, 'mark').length > 0) p.measure(REPLY_TO_PAINT, reply, end);
      for (const name of [start, reply, end]) p.clearMarks(name);
      if (++measured % KEEP_MEASURES === 0) {
        p.clearMeasures(KEYSTROKE_TO_PAINT);
        p.clearMeasures(REPLY_TO_PAINT);
      }
    }, 0);
  });
}

/** Keystroke marks whose results never painted (superseded by a newer keystroke). */
export function dropKeystroke(id: number): void {
  perf()?.clearMarks(`search:keystroke:${id}`);
  perf()?.clearMarks(`search:reply:${id}`);
}
