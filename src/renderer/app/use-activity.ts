/**
 * Tells main the coder is active (postpones the idle lock), at most once per 30 s: the
 * heartbeat must not cost a round trip per key press.
 */
import { useEffect } from 'react';
import { call } from '../lib/api';
import { throttle } from '../lib/throttle';

export const ACTIVITY_INTERVAL_MS = 30_000;
const EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

export function useActivityHeartbeat(now: () => number = Date.now): void {
  useEffect(() => {
    const beat = throttle(() => void call('session.activity', {}), ACTIVITY_INTERVAL_MS, now);
    for (const name of EVENTS) window.addEventListener(name, beat, { capture: true, passive: true });
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, beat, { capture: true });
    };
  }, [now]);
}
