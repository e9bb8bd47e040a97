import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleLock } from '../../../src/main/services/session/idle-lock';
import { failureOf } from '../workspace/helpers';

/** A manual clock with timers that fire only when the test advances time. */
class FakeTime {
  now = 0;
  private nextId = 1;
  private timers = new Map<number, { at: number; callback: () => void }>();

  setTimer = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  };

  clearTimer = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = Math.max(this.now, due[1].at);
      due[1].callback();
    }
    this.now = end;
  }
}

const MINUTE = 60_000;

function setup(minutes = 15) {
  const time = new FakeTime();
  const onLock = vi.fn();
  const lock = new IdleLock({ minutes, onLock, now: () => time.now, setTimer: time.setTimer, clearTimer: time.clearTimer });
  return { time, onLock, lock };
}

describe('IdleLock', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('locks once, with reason idle, after the idle time and not before', () => {
    const { time, onLock, lock } = setup(15);
    expect(lock.minutes).toBe(15);
    expect(lock.secondsLeft()).toBe(900);
    time.advance(15 * MINUTE - 1);
    expect(onLock).not.toHaveBeenCalled();
    expect(lock.secondsLeft()).toBe(1);
    time.advance(1);
    expect(onLock).toHaveBeenCalledTimes(1);
    expect(onLock).toHaveBeenCalledWith('idle');
    time.advance(60 * MINUTE);
    expect(onLock).toHaveBeenCalledTimes(1);
    expect(lock.secondsLeft()).toBe(0);
    expect(time.pending).toBe(0);
  });

  it('touch() postpones the lock, without piling up timers', () => {
    const { time, onLock, lock } = setup(15);
    for (let i = 0; i < 10; i++) {
      time.advance(10 * MINUTE);
      lock.touch();
      expect(time.pending).toBe(1);
    }
    expect(onLock).not.toHaveBeenCalled();
    expect(lock.secondsLeft()).toBe(900);
    time.advance(15 * MINUTE);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('touch() after a lock starts a new idle period', () => {
    const { time, onLock, lock } = setup(5);
    time.advance(5 * MINUTE);
    expect(onLock).toHaveBeenCalledTimes(1);
    lock.touch();
    expect(lock.secondsLeft()).toBe(300);
    time.advance(5 * MINUTE);
    expect(onLock).toHaveBeenCalledTimes(2);
  });

  it('setMinutes counts from the last activity: shorter can lock at once, longer postpones', () => {
    const { time, onLock, lock } = setup(15);
    time.advance(10 * MINUTE);
    lock.setMinutes(30);
    expect(lock.secondsLeft()).toBe(20 * 60);
    time.advance(19 * MINUTE);
    expect(onLock).not.toHaveBeenCalled();
    lock.setMinutes(5);
    time.advance(0);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('refuses an impossible idle time with BAD_INPUT and keeps the old one', () => {
    const { lock } = setup(15);
    for (const bad of [0, -1, Number.NaN, Infinity, 24 * 60 + 1]) {
      expect(failureOf(() => lock.setMinutes(bad)).code).toBe('BAD_INPUT');
    }
    expect(lock.minutes).toBe(15);
    expect(failureOf(() => new IdleLock({ minutes: 0, onLock: () => undefined })).code).toBe('BAD_INPUT');
  });

  it('dispose() stops it for good', () => {
    const { time, onLock, lock } = setup(1);
    lock.dispose();
    expect(time.pending).toBe(0);
    lock.touch();
    time.advance(10 * MINUTE);
    expect(onLock).not.toHaveBeenCalled();
    expect(lock.secondsLeft()).toBe(0);
  });

  it('a throwing listener does not escape the timer', () => {
    vi.stubEnv('CODEDESK_LOG', 'silent');
    const time = new FakeTime();
    const lock = new IdleLock({
      minutes: 1,
      onLock: () => {
        throw new Error('renderer gone');
      },
      now: () => time.now,
      setTimer: time.setTimer,
      clearTimer: time.clearTimer,
    });
    expect(() => time.advance(MINUTE)).not.toThrow();
    expect(lock.secondsLeft()).toBe(0);
  });

  it('works on the real clock and timers (vitest fake timers)', () => {
    vi.useFakeTimers();
    const onLock = vi.fn();
    const lock = new IdleLock({ minutes: 2, onLock });
    vi.advanceTimersByTime(MINUTE);
    lock.touch();
    vi.advanceTimersByTime(2 * MINUTE - 1);
    expect(onLock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onLock).toHaveBeenCalledWith('idle');
    lock.dispose();
  });
});
