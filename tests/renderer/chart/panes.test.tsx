import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChartLayout } from '../../../src/shared/layout';
import { resetPhiStores } from '../../../src/renderer/lib/store-registry';
import { fail } from '../fake-api';
import { renderChart } from '../render-app';

const saved: ChartLayout = { recordsPct: 58, detailPct: 18, detailCollapsed: false };

async function openChart(layout: ChartLayout = saved, overrides = {}) {
  const api = renderChart({ 'preferences.get': () => ({ chartLayout: layout }), ...overrides });
  await screen.findByText('Avery Testpatient');
  return api;
}

const recordsSplitter = () => screen.getByRole('separator', { name: 'Resize records and coding' });
const body = () => document.querySelector<HTMLElement>('.chart-body')!;

describe('chart panes', () => {
  it("restore the user's saved widths from the workspace", async () => {
    await openChart();
    await waitFor(() => expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('58'));
    expect(body().style.getPropertyValue('--records')).toBe('58%');
    expect(body().style.getPropertyValue('--detail')).toBe('18%');
    const detailSplitter = screen.getByRole('separator', { name: 'Resize coding and code detail' });
    expect(detailSplitter.getAttribute('aria-valuenow')).toBe('82');
    expect(detailSplitter.getAttribute('aria-orientation')).toBe('vertical');
    expect(recordsSplitter().tabIndex).toBe(0);
  });

  it('resize from the keyboard (arrows, Shift for big steps, Home) and save to the workspace', async () => {
    const api = await openChart();
    await waitFor(() => expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('58'));
    fireEvent.keyDown(recordsSplitter(), { key: 'ArrowLeft' });
    expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('56');
    fireEvent.keyDown(recordsSplitter(), { key: 'ArrowLeft', shiftKey: true });
    expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('46');
    await waitFor(() => expect(api.inputs('preferences.set').at(-1)).toEqual({ chartLayout: { ...saved, recordsPct: 46 } }));
    // The coding pane keeps 24%: with the detail at 18%, the records stop at 58%.
    fireEvent.keyDown(recordsSplitter(), { key: 'End' });
    expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('58');
    fireEvent.keyDown(recordsSplitter(), { key: 'Home' });
    expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('20');
    // The detail splitter cannot squeeze the coding pane under its minimum.
    const detailSplitter = screen.getByRole('separator', { name: 'Resize coding and code detail' });
    fireEvent.keyDown(detailSplitter, { key: 'Home' });
    expect(detailSplitter.getAttribute('aria-valuenow')).toBe('60');
    expect(body().style.getPropertyValue('--detail')).toBe('40%');
  });

  it('resize by dragging, saved when the drag ends', async () => {
    const api = await openChart();
    await waitFor(() => expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('58'));
    body().getBoundingClientRect = () => ({ left: 100, width: 1000, top: 0, height: 800, right: 1100, bottom: 800, x: 100, y: 0, toJSON: () => ({}) });
    fireEvent.pointerDown(recordsSplitter(), { button: 0, clientX: 680, pointerId: 1 });
    fireEvent.pointerMove(recordsSplitter(), { clientX: 500, pointerId: 1 });
    expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('40');
    expect(api.inputs('preferences.set')).toHaveLength(0);
    fireEvent.pointerUp(recordsSplitter(), { clientX: 500, pointerId: 1 });
    expect(api.inputs('preferences.set')).toEqual([{ chartLayout: { ...saved, recordsPct: 40 } }]);
  });

  it('collapse and expand the code detail with the button and Alt+C, remembered', async () => {
    const api = await openChart();
    await screen.findByRole('complementary', { name: 'Code detail' });
    fireEvent.click(screen.getByRole('button', { name: 'Hide code detail' }));
    expect(screen.queryByRole('complementary', { name: 'Code detail' })).toBeNull();
    expect(api.inputs('preferences.set')).toEqual([{ chartLayout: { ...saved, detailCollapsed: true } }]);
    expect(body().classList.contains('detail-collapsed')).toBe(true);

    fireEvent.keyDown(window, { key: 'c', code: 'KeyC', altKey: true });
    expect(screen.getByRole('complementary', { name: 'Code detail' })).toBeTruthy();
    expect(api.inputs('preferences.set').at(-1)).toEqual({ chartLayout: { ...saved, detailCollapsed: false } });

    // Enter on the detail splitter collapses too (the window-splitter pattern).
    fireEvent.keyDown(screen.getByRole('separator', { name: 'Resize coding and code detail' }), { key: 'Enter' });
    expect(screen.getByRole('button', { name: 'Show code detail' })).toBeTruthy();
  });

  it('a collapsed code detail stays collapsed on the next chart and the next session', async () => {
    await openChart({ ...saved, detailCollapsed: true });
    expect(await screen.findByRole('button', { name: 'Show code detail' })).toBeTruthy();
    expect(screen.queryByRole('complementary', { name: 'Code detail' })).toBeNull();
  });

  it('a failed save keeps the layout on screen', async () => {
    const api = await openChart(saved, { 'preferences.set': () => fail('INTERNAL', 'Something went wrong.') });
    await waitFor(() => expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('58'));
    await act(async () => {
      fireEvent.keyDown(recordsSplitter(), { key: 'End' }); // the most the coding pane allows: 100 - 24 - 18
      fireEvent.keyDown(recordsSplitter(), { key: 'ArrowLeft' });
    });
    await waitFor(() => expect(api.inputs('preferences.set')).toHaveLength(2));
    expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('56');
  });

  it('is read again after a lock, so the next user to unlock gets their own', async () => {
    await openChart();
    await waitFor(() => expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('58'));
    cleanup();
    act(() => resetPhiStores()); // what locking does
    await openChart({ recordsPct: 30, detailPct: 30, detailCollapsed: false });
    await waitFor(() => expect(recordsSplitter().getAttribute('aria-valuenow')).toBe('30'));
  });
});
