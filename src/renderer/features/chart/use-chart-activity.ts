/**
 * Measures active time on the open chart (keys, pointer, scroll while the window has focus;
 * a gap longer than the workspace's idle threshold counts for nothing) and records it: every
 * two minutes, when the window loses focus, and when the chart closes. Only times leave here.
 */
import { useEffect } from 'react';
import { ActiveTimeTracker } from '../../../shared/active-time';
import { call } from '../../lib/api';
import { useSession } from '../session/session-store';

const INPUTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll'] as const;
const FLUSH_MS = 120_000;
/** pointermove fires per frame: one input per second is enough to measure seconds. */
const MOVE_SPACING_MS = 1000;

export function useChartActivity(chartId: string, ready: boolean): void {
  const idleMinutes = useSession((s) => s.status?.activityIdleMinutes ?? 2);
  useEffect(() => {
    if (!ready) return undefined;
    const tracker = new ActiveTimeTracker(idleMinutes * 60_000);
    let lastMove = 0;
    const flush = (): void => {
      const activeSeconds = tracker.take();
      if (activeSeconds > 0) void call('activity.record', { chartId, activeSeconds });
    };
    const onInput = (event: Event): void => {
      if (!document.hasFocus()) return;
      const now = performance.now();
      if (event.type === 'pointermove') {
        if (now - lastMove < MOVE_SPACING_MS) return;
        lastMove = now;
      }
      tracker.input(now);
    };
    const onBlur = (): void => {
      tracker.pause();
      flush();
    };
    for (const name of INPUTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    window.addEventListener('blur', onBlur);
    const timer = window.setInterval(flush, FLUSH_MS);
    tracker.input(performance.now()); // opening the chart is the first input
    return () => {
      for (const name of INPUTS) window.removeEventListener(name, onInput, { capture: true });
      window.removeEventListener('blur', onBlur);
      window.clearInterval(timer);
      flush();
    };
  }, [chartId, ready, idleMinutes]);
}
