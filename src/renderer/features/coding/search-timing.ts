/**
 * Keystroke-to-results-painted timing for the code picker, as User Timing measures the e2e
 * suite and the bench read. Every measure starts at the keystroke and carries `{ id }` in its
 * detail so the bench can pair them; names carry no query text.
 *
 * Chromium paints on a frame clock. The echo measure is the floor on the same page: the first
 * frame painted after the keystroke (the one that shows the typed character). Paint measures
 * say whether the results made it into that same frame, which they do when the picker takes
 * the reply at that frame's start (picker-store.ts); a reply that comes as a message can only
 * paint a frame later.
 */
export const KEYSTROKE_TO_PAINT = 'search:keystroke-to-paint';
/** The renderer's own share: from the search reply arriving to its results painted. */
export const REPLY_TO_PAINT = 'search:reply-to-paint';
/** The frame floor: keystroke to the first frame painted after it. */
export const KEYSTROKE_TO_ECHO = 'search:keystroke-to-echo';
/** The call's round trip plus the main process's search: keystroke to the reply arriving. */
export const KEYSTROKE_TO_REPLY = 'search:keystroke-to-reply';

/** How long the keystroke's frame held the page waiting for its reply at its start (detail: `{ id, inTime }`). */
export const KEYSTROKE_WAIT = 'search:keystroke-wait';

export const SEARCH_MEASURES = [KEYSTROKE_TO_PAINT, REPLY_TO_PAINT, KEYSTROKE_TO_ECHO, KEYSTROKE_TO_REPLY, KEYSTROKE_WAIT] as const;

/** What a wait measure's detail holds. */
export interface WaitDetail {
  id: number;
  /** True when the reply came within the wait (its results render in the keystroke's own frame). */
  inTime: boolean;
}

/** What a paint measure's detail holds. */
export interface PaintDetail {
  id: number;
  /** True when the results were painted in the first frame after the keystroke. */
  firstFrame: boolean;
  /** Frame clock time from that first frame to the one that painted the results (0 = same frame). */
  afterFirstFrameMs: number | null;
}

/** Old measures are dropped past this many so a long session does not grow the buffer. */
const KEEP_MEASURES = 2000;

interface Pending {
  start: number;
  reply?: number;
  /** rAF timestamp of the first frame after the keystroke, once it has begun. */
  firstFrame?: number;
  /** rAF timestamp of the frame the results are rendered in, when they were taken inside one. */
  renderFrame?: number;
}

let counter = 0;
let measured = 0;
const pending = new Map<number, Pending>();

const perf = (): Performance | null => (typeof performance !== 'undefined' && typeof performance.mark === 'function' ? performance : null);
const canTime = (): boolean => typeof requestAnimationFrame === 'function';

/** A task queued from a rAF callback runs once that frame's rendering work is done. */
function afterFrame(run: (frameTime: number) => void): void {
  requestAnimationFrame((frameTime) => setTimeout(() => run(frameTime), 0));
}

function measure(p: Performance, name: string, start: number, detail: object): void {
  p.measure(name, { start, end: p.now(), detail });
  if (++measured % KEEP_MEASURES === 0) for (const n of SEARCH_MEASURES) p.clearMeasures(n);
}

/** Marks a keystroke in the search box; returns its id for markReply/markPainted. */
export function markKeystroke(): number {
  const id = ++counter;
  const p = perf();
  if (!p || !canTime()) return id;
  const entry: Pending = { start: p.now() };
  pending.set(id, entry);
  requestAnimationFrame((frameTime) => {
    entry.firstFrame = frameTime;
    setTimeout(() => measure(p, KEYSTROKE_TO_ECHO, entry.start, { id }), 0);
  });
  return id;
}

/** The page waited for keystroke `id`'s reply from `start` until now; `inTime` = the reply came. */
export function markWait(id: number, start: number, inTime: boolean): void {
  const p = perf();
  if (!p) return;
  const detail: WaitDetail = { id, inTime };
  measure(p, KEYSTROKE_WAIT, start, detail);
}

/** Keystroke `id`'s results are being rendered inside the frame that began at `frameTime`. */
export function markInFrame(id: number, frameTime: number): void {
  const entry = pending.get(id);
  if (entry) entry.renderFrame = frameTime;
}

/** The reply for keystroke `id` has arrived (before React renders it). */
export function markReply(id: number): void {
  const p = perf();
  const entry = pending.get(id);
  if (!p || !entry) return;
  entry.reply = p.now();
  measure(p, KEYSTROKE_TO_REPLY, entry.start, { id });
}

/**
 * Called once the results of keystroke `id` are committed to the DOM. The end mark goes in a
 * task that runs after the frame that paints them (queued from that frame, or now when they
 * were rendered inside an already begun frame), so the measure covers style, layout and
 * paint, not only React's commit.
 */
export function markPainted(id: number): void {
  const p = perf();
  const entry = pending.get(id);
  if (!p || !entry) return;
  pending.delete(id);
  const end = (frameTime: number): void => {
    const first = entry.firstFrame;
    const detail: PaintDetail = {
      id,
      firstFrame: first === frameTime,
      afterFirstFrameMs: first === undefined ? null : Math.round((frameTime - first) * 10) / 10,
    };
    measure(p, KEYSTROKE_TO_PAINT, entry.start, detail);
    if (entry.reply !== undefined) measure(p, REPLY_TO_PAINT, entry.reply, detail);
  };
  // Rendered inside a frame already begun: that frame paints them; a task queued now runs after it.
  const inFrame = entry.renderFrame;
  if (inFrame !== undefined) setTimeout(() => end(inFrame), 0);
  else afterFrame(end);
}

/** A keystroke whose results will never paint (superseded by a newer keystroke). */
export function dropKeystroke(id: number): void {
  pending.delete(id);
}
