import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ValidationProblem } from '../../../src/shared/domain';
import { useRoute } from '../../../src/renderer/app/route-store';
import { fail, type Handlers } from '../fake-api';
import { chartDetail } from '../fixtures';
import { renderChart } from '../render-app';

async function openChart(overrides: Handlers = {}) {
  const api = renderChart(overrides);
  await screen.findByText('Avery Testpatient');
  return api;
}

describe('chart workflow', () => {
  const missing: ValidationProblem = { rule: 'dx.principal-missing', severity: 'error', message: 'Add a principal diagnosis.', codes: [] };

  it('a blocked submit shows the problems prominently and keeps the coder on the chart', async () => {
    const api = await openChart({
      'coding.validate': () => [missing],
      'charts.submit': () => ({ submitted: false, problems: [missing] }),
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Submit' })));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('This chart was not submitted');
    expect(alert.textContent).toContain('Add a principal diagnosis.');
    expect(useRoute.getState().route).toEqual({ view: 'chart', chartId: 'C-00001' });
    expect(api.inputs('charts.list')).toHaveLength(0);
  });

  it('the blocked banner leaves once the findings no longer hold its errors', async () => {
    let open = true;
    await openChart({
      'coding.validate': () => (open ? [missing] : []),
      'charts.submit': () => ({ submitted: false, problems: [missing] }),
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Submit' })));
    expect(screen.getByRole('alert').textContent).toContain('Add a principal diagnosis.');
    open = false;
    fireEvent.change(screen.getByRole('combobox', { name: 'Search codes' }), { target: { value: 'diab' } });
    fireEvent.click(await screen.findByRole('option', { name: /E11\.9/ }));
    await waitFor(() => expect(screen.queryByText('This chart was not submitted. Fix these first:')).toBeNull(), { timeout: 3000 });
  });

  it('a new chart shows "In progress" once its first draft is saved', async () => {
    await openChart({ 'coding.get': () => ({ coding: { diagnoses: [], procedures: [] }, revision: 0 }) });
    const header = screen.getAllByRole('banner').find((b) => b.classList.contains('chart-header'))!;
    expect(header.textContent).toContain('New');
    fireEvent.change(screen.getByRole('combobox', { name: 'Search codes' }), { target: { value: 'diab' } });
    fireEvent.click(await screen.findByRole('option', { name: /E11\.9/ }));
    await waitFor(() => expect(header.textContent).toContain('In progress'), { timeout: 3000 });
  });

  it('a warning blocks until the coder acknowledges it, then submits with its key', async () => {
    const warning: ValidationProblem = { rule: 'poa.missing', severity: 'warning', message: 'Choose a POA indicator.', codes: ['E11.9'] };
    const api = await openChart({
      'coding.validate': () => [warning],
      'charts.submit': ({ acknowledgedWarnings }) =>
        acknowledgedWarnings && acknowledgedWarnings.length > 0 ? { submitted: true, problems: [warning], version: 1 } : { submitted: false, problems: [warning] },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Submit' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Review these warnings before submitting');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'I have reviewed these warnings: submit' })));
    await waitFor(() => expect(useRoute.getState().route).toEqual({ view: 'chart', chartId: 'C-00002' }));
    expect(api.inputs('charts.submit')).toEqual([
      { chartId: 'C-00001', acknowledgedWarnings: [] },
      { chartId: 'C-00001', acknowledgedWarnings: ['poa.missing|E11.9'] },
    ]);
  });

  it('Ctrl+Enter submits even while the find box has focus', async () => {
    const api = await openChart({ 'charts.submit': () => ({ submitted: false, problems: [missing] }), 'coding.validate': () => [missing] });
    const find = screen.getByRole('searchbox', { name: 'Find in chart' });
    await act(async () => fireEvent.keyDown(find, { key: 'Enter', ctrlKey: true }));
    await waitFor(() => expect(api.inputs('charts.submit')).toHaveLength(1));
  });

  it('Ctrl+Enter saves the draft, submits, and opens the next chart', async () => {
    const api = await openChart({ 'charts.submit': () => ({ submitted: true, problems: [], version: 1 }) });
    fireEvent.change(screen.getByRole('combobox', { name: 'Search codes' }), { target: { value: 'diab' } });
    fireEvent.click(await screen.findByRole('option', { name: /E11\.9/ }));
    await act(async () => fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true }));
    await waitFor(() => expect(useRoute.getState().route).toEqual({ view: 'chart', chartId: 'C-00002' }));
    const order = api.calls.map((c) => c.method).filter((m) => ['coding.save', 'charts.submit', 'charts.list'].includes(m));
    expect(order).toEqual(['coding.save', 'charts.submit', 'charts.list']);
    expect(await screen.findByText('Chart C-00001 submitted.')).toBeTruthy();
  });

  it('a submit after a reopen says which version it stored', async () => {
    await openChart({ 'charts.submit': () => ({ submitted: true, problems: [], version: 2 }) });
    await act(async () => fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true }));
    expect(await screen.findByText('Chart C-00001 submitted as v2.')).toBeTruthy();
  });

  it('Alt+N goes to the next chart; with none left, back to the queue with a notice', async () => {
    await openChart();
    await act(async () => fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true }));
    await waitFor(() => expect(useRoute.getState().route).toEqual({ view: 'chart', chartId: 'C-00002' }));
    act(() => useRoute.getState().openChart('C-00003'));
    await screen.findByRole('main', { name: 'Chart C-00003' });
    await act(async () => fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true }));
    await waitFor(() => expect(useRoute.getState().route).toEqual({ view: 'queue' }));
    expect(await screen.findByText('End of the queue: no more charts after C-00003 in its current sort and filter.')).toBeTruthy();
  });

  it('chart shortcuts pause while a dialog is open', async () => {
    const api = await openChart();
    fireEvent.click(screen.getByRole('button', { name: 'About' }));
    await act(async () => fireEvent.keyDown(screen.getByRole('dialog'), { key: 'n', code: 'KeyN', altKey: true }));
    expect(api.inputs('charts.list')).toHaveLength(0);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useRoute.getState().route).toEqual({ view: 'chart', chartId: 'C-00001' });
  });

  it('Escape returns to the queue', async () => {
    await openChart();
    await act(async () => fireEvent.keyDown(window, { key: 'Escape' }));
    expect(useRoute.getState().route).toEqual({ view: 'queue' });
  });

  it('Hold asks for a reason and a note, then holds and moves on', async () => {
    const api = await openChart({
      'charts.hold': ({ reason, note }) => chartDetail({ status: 'on_hold', holdReason: reason, holdNote: note }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Hold…' }));
    const dialog = screen.getByRole('dialog', { name: 'Put chart on hold' });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'awaiting_query' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hold chart' }));
    expect(screen.getByRole('alert').textContent).toBe('Add a short note saying what is needed.');
    expect(api.inputs('charts.hold')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Query sent about laterality' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Hold chart' })));
    expect(api.inputs('charts.hold')).toEqual([{ chartId: 'C-00001', reason: 'awaiting_query', note: 'Query sent about laterality' }]);
    expect(dialog.isConnected).toBe(false);
    await waitFor(() => expect(useRoute.getState().route).toEqual({ view: 'chart', chartId: 'C-00002' }));
    expect(await screen.findByText('Chart C-00001 put on hold.')).toBeTruthy();
  });

  it('a failed submit call shows its message and keeps the chart open', async () => {
    await openChart({ 'charts.submit': () => fail('FORBIDDEN', 'Your role cannot submit charts.') });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Submit' })));
    expect(screen.getByRole('alert').textContent).toContain('Your role cannot submit charts.');
    expect(useRoute.getState().route.view).toBe('chart');
  });
});
