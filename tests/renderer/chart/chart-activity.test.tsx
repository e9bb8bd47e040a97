/** Active time on the open chart: measured from inputs with focus, recorded every two minutes and on leaving. */
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useChartActivity } from '../../../src/renderer/features/chart/use-chart-activity';
import { installFakeApi } from '../fake-api';

const key = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));

describe('active time on a chart', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance', 'Date'] });
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('records the time between inputs when the chart closes, and nothing of the typed keys', () => {
    const api = installFakeApi({ 'activity.record': (input) => ({ recorded: input.activeSeconds }) });
    const { unmount } = renderHook(() => useChartActivity('C-1', true));
    for (let i = 0; i < 6; i += 1) {
      vi.advanceTimersByTime(10_000);
      key();
    }
    unmount();
    expect(api.inputs('activity.record')).toEqual([{ chartId: 'C-1', activeSeconds: 60 }]);
  });

  it('leaves out a long pause and records every two minutes while the coder works', () => {
    const api = installFakeApi({ 'activity.record': (input) => ({ recorded: input.activeSeconds }) });
    const { unmount } = renderHook(() => useChartActivity('C-1', true));
    vi.advanceTimersByTime(30_000);
    key();
    vi.advanceTimersByTime(5 * 60_000); // away: more than the 2-minute threshold; the timer flushes meanwhile
    key();
    vi.advanceTimersByTime(20_000);
    key();
    unmount();
    expect(api.inputs('activity.record').map((i) => i.activeSeconds)).toEqual([30, 20]);
  });

  it('counts nothing while the window has no focus, and records nothing for no time', () => {
    const api = installFakeApi({ 'activity.record': (input) => ({ recorded: input.activeSeconds }) });
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const { unmount } = renderHook(() => useChartActivity('C-1', true));
    vi.advanceTimersByTime(10_000);
    act(() => key());
    unmount();
    expect(api.inputs('activity.record')).toEqual([]);
  });
});
