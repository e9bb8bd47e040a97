/**
 * Automatic logoff (HIPAA 164.312(a)(2)(iii)): calls onLock('idle') once when nobody has
 * touched the session for `minutes`. touch() after a lock starts a new idle period (the
 * session was unlocked again). One timer at a time: touch() only moves the deadline, and
 * the timer re-arms itself when it wakes early, so a busy renderer costs nothing.
 */
import type { EventMap } from '../../../shared/contract';
import { AppFailure } from '../../../shared/result';
import { log } from '../../log';

export type IdleLockReason = Extract<EventMap['session.locked']['reason'], 'idle'>;

export interface IdleLockOptions {
  minutes: number;
  onLock: (reason: IdleLockReason) => void;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** A day: longer would exceed what setTimeout can wait for in one go and is not a lock. */
export const MAX_IDLE_MINUTES = 24 * 60;

function defaultSetTimer(callback: () => void, ms: number): unknown {
  const handle = setTimeout(callback, ms);
  handle.unref(); // the lock timer alone must not keep a CLI or test process alive
  return handle;
}

function defaultClearTimer(handle: unknown): void {
  clearTimeout(handle as ReturnType<typeof setTimeout>);
}

function checkMinutes(minutes: number): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_IDLE_MINUTES) {
    throw new AppFailure('BAD_INPUT', `The idle lock needs a time between 1 minute and ${MAX_IDLE_MINUTES / 60} hours.`);
  }
  return minutes;
}

export class IdleLock {
  private periodMinutes: number;
  private lastActivity: number;
  private timer: unknown = null;
  private fired = false;
  private disposed = false;
  private readonly onLock: (reason: IdleLockReason) => void;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(options: IdleLockOptions) {
    this.periodMinutes = checkMinutes(options.minutes);
    this.onLock = options.onLock;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? defaultSetTimer;
    this.clearTimer = options.clearTimer ?? defaultClearTimer;
    this.lastActivity = this.now();
    this.arm(this.periodMinutes * 60_000);
  }

  get minutes(): number {
    return this.periodMinutes;
  }

  /** The user did something: postpone the lock (or start a new idle period after one). */
  touch(): void {
    if (this.disposed) return;
    this.lastActivity = this.now();
    if (this.fired) {
      this.fired = false;
      this.arm(this.remainingMs());
    }
  }

  /** New idle time, counted from the last activity (so shortening it may lock at once). */
  setMinutes(minutes: number): void {
    this.periodMinutes = checkMinutes(minutes);
    if (this.disposed || this.fired) return;
    this.arm(this.remainingMs());
  }

  secondsLeft(): number {
    if (this.disposed || this.fired) return 0;
    return Math.ceil(this.remainingMs() / 1000);
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
  }

  private remainingMs(): number {
    return Math.max(0, this.lastActivity + this.periodMinutes * 60_000 - this.now());
  }

  private disarm(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.disarm();
    this.timer = this.setTimer(() => this.wake(), ms);
  }

  private wake(): void {
    this.timer = null;
    if (this.disposed || this.fired) return;
    const remaining = this.remainingMs();
    if (remaining > 0) {
      this.arm(remaining);
      return;
    }
    this.fired = true;
    try {
      this.onLock('idle');
    } catch (error) {
      // A throwing listener must not crash the process from inside a timer.
      log.error('session.idle_lock_listener_failed', {}, error);
    }
  }
}
