/**
 * Active time on a chart, as the issue defines it: time between the coder's inputs (keys,
 * pointer, scroll) while the window has focus, where a gap longer than the idle threshold
 * counts for nothing (the coder was away, not reading). Pure: the caller passes the clock.
 * Only times are kept; what was typed never reaches this class.
 */
export class ActiveTimeTracker {
  private last: number | null = null;
  private activeMs = 0;

  constructor(private readonly idleMs: number) {}

  /** A key, pointer or scroll event at time t (ms) with the window focused. */
  input(t: number): void {
    if (this.last !== null) {
      const gap = t - this.last;
      if (gap > 0 && gap <= this.idleMs) this.activeMs += gap;
    }
    this.last = t;
  }

  /** The window lost focus or the chart closed: the time since the last input is not counted. */
  pause(): void {
    this.last = null;
  }

  /** Whole seconds gathered since the last take; the remainder stays for the next. */
  take(): number {
    const seconds = Math.floor(this.activeMs / 1000);
    this.activeMs -= seconds * 1000;
    return seconds;
  }
}
