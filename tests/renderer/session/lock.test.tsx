import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useChart } from '../../../src/renderer/features/chart/chart-store';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import { usePicker } from '../../../src/renderer/features/coding/picker-store';
import { useFind } from '../../../src/renderer/features/find/find-store';
import { useQueue } from '../../../src/renderer/features/queue/queue-store';
import { fail, type Handlers } from '../fake-api';
import { lockedStatus } from '../fixtures';
import { renderApp, renderChart } from '../render-app';

async function openChartScreen(overrides: Handlers = {}) {
  const api = renderChart(overrides);
  await screen.findByText('Avery Testpatient');
  await screen.findByText(/Pneumonia confirmed/);
  return api;
}

describe('lock', () => {
  it('the session.locked event removes PHI from the screen and the stores, and shows the lock screen', async () => {
    const api = await openChartScreen();
    fireEvent.change(screen.getByLabelText('Find in chart'), { target: { value: 'pneumonia' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Search codes' }), { target: { value: 'pneu' } });
    act(() => api.emit('session.locked', { reason: 'idle' }));

    expect(screen.getByRole('heading', { name: 'CodeDesk is locked' })).toBeTruthy();
    expect(screen.getByText('Dana Coder')).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).not.toContain('Avery Testpatient');
    expect(text).not.toContain('Pneumonia confirmed');
    expect(useChart.getState().detail).toBeNull();
    expect(useChart.getState().documents).toEqual({});
    expect(useCoding.getState().chartId).toBeNull();
    expect(usePicker.getState().query).toBe('');
    expect(useFind.getState().query).toBe('');
    expect(useQueue.getState().rows).toEqual([]);
  });

  it('a LOCKED reply locks the screen too', async () => {
    let locked = false;
    renderApp({
      'charts.list': (input) =>
        locked ? fail('LOCKED', 'CodeDesk is locked.') : { rows: [], total: input.search ? 0 : 0 },
    });
    await screen.findByRole('button', { name: 'Load demo workspace' });
    locked = true;
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the queue' }), { target: { value: 'x' } });
    expect(await screen.findByRole('heading', { name: 'CodeDesk is locked' })).toBeTruthy();
  });

  it('reopens the chart that was open after unlock', async () => {
    // Main reports no profile while locked; the lock screen still knows who was signed in.
    const api = await openChartScreen({ 'session.lock': () => ({ ...lockedStatus, profile: null }) });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lock' })));
    act(() => api.emit('session.locked', { reason: 'manual' }));
    expect(screen.getByText('Dana Coder')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'correct horse battery' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })));
    expect(await screen.findByText('Avery Testpatient')).toBeTruthy();
    expect(api.inputs('charts.get').map((i) => i.chartId)).toEqual(['C-00001', 'C-00001']);
  });

  it('Ctrl+Shift+L and the Lock button lock the session', async () => {
    const api = renderApp();
    await screen.findByRole('grid');
    await act(async () => fireEvent.keyDown(window, { key: 'L', ctrlKey: true, shiftKey: true }));
    expect(api.inputs('session.lock')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'CodeDesk is locked' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'correct horse battery' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Lock' })));
    expect(api.inputs('session.lock')).toHaveLength(2);
  });

  it('saves a pending draft before a manual lock', async () => {
    const api = await openChartScreen();
    fireEvent.change(screen.getByRole('combobox', { name: 'Search codes' }), { target: { value: 'diab' } });
    await screen.findByRole('option', { name: /E11\.9/ });
    fireEvent.click(screen.getByRole('option', { name: /E11\.9/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lock' })));
    expect(api.inputs('coding.save').at(-1)?.coding.diagnoses).toEqual([{ code: 'E11.9', poa: null }]);
    const order = api.calls.map((c) => c.method).filter((m) => m === 'coding.save' || m === 'session.lock');
    expect(order).toEqual(['coding.save', 'session.lock']);
  });

  it('keeps an edit caught by an idle lock and saves it once the chart reopens', async () => {
    const api = await openChartScreen();
    fireEvent.change(screen.getByRole('combobox', { name: 'Search codes' }), { target: { value: 'diab' } });
    fireEvent.click(await screen.findByRole('option', { name: /E11\.9/ }));
    // The lock lands before the debounced save runs.
    act(() => api.emit('session.locked', { reason: 'idle' }));
    expect(api.inputs('coding.save')).toHaveLength(0);
    expect(document.body.textContent).not.toContain('E11.9');
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'correct horse battery' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })));
    await waitFor(() => expect(api.inputs('coding.save')).toEqual([
      { chartId: 'C-00001', coding: { diagnoses: [{ code: 'E11.9', poa: null }], procedures: [] }, revision: 1 },
    ]));
  });
});
