import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRoute } from '../../../src/renderer/app/route-store';
import { chartRow } from '../fixtures';
import { renderApp } from '../render-app';

async function grid() {
  return screen.findByRole('grid', { name: 'Chart queue' });
}

describe('queue', () => {
  it('renders the charts from charts.list with readable labels and the row count', async () => {
    renderApp({
      'charts.list': () => ({
        rows: [chartRow(1, { setting: 'outpatient_surgery', status: 'on_hold' }), chartRow(2)],
        total: 2,
      }),
    });
    const table = await grid();
    expect(await within(table).findByText('C-00001')).toBeTruthy();
    expect(within(table).getByText('Outpatient surgery')).toBeTruthy();
    expect(within(table).getByText('On hold')).toBeTruthy();
    expect(screen.getByText('2 charts')).toBeTruthy();
  });

  it('marks overdue charts visibly', async () => {
    renderApp({
      'charts.list': () => ({ rows: [chartRow(1, { dueDate: '2001-01-01' }), chartRow(2)], total: 2 }),
    });
    const table = await grid();
    await within(table).findByText('C-00001');
    expect(within(table).getAllByText('Overdue')).toHaveLength(1);
  });

  it('asks the database to sort when a header is clicked', async () => {
    const api = renderApp();
    const table = await grid();
    await within(table).findByText('C-00001');
    fireEvent.click(within(table).getByRole('button', { name: /Payer/ }));
    await waitFor(() => expect(api.inputs('charts.list').at(-1)?.sort).toEqual([{ key: 'payer', desc: false }]));
    fireEvent.click(within(table).getByRole('button', { name: /Payer/ }));
    await waitFor(() => expect(api.inputs('charts.list').at(-1)?.sort).toEqual([{ key: 'payer', desc: true }]));
    expect(within(table).getByRole('columnheader', { name: /Payer/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('passes the quick search and the status and setting filters to charts.list', async () => {
    const api = renderApp();
    await grid();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the queue' }), { target: { value: 'medicare' } });
    await waitFor(() => expect(api.inputs('charts.list').at(-1)?.search).toBe('medicare'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'on_hold' } });
    await waitFor(() => expect(api.inputs('charts.list').at(-1)?.status).toEqual(['on_hold']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Setting' }), { target: { value: 'emergency' } });
    await waitFor(() => expect(api.inputs('charts.list').at(-1)).toMatchObject({ search: 'medicare', status: ['on_hold'], setting: ['emergency'] }));
  });

  it('moves the selection with the arrow keys and opens the chart with Enter', async () => {
    renderApp();
    const table = await grid();
    await within(table).findByText('C-00001');
    expect(table.getAttribute('aria-activedescendant')).toBe('queue-row-C-00001');
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowUp' });
    expect(table.getAttribute('aria-activedescendant')).toBe('queue-row-C-00002');
    expect(document.getElementById('queue-row-C-00002')?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(table, { key: 'Enter' });
    expect(useRoute.getState().route).toEqual({ view: 'chart', chartId: 'C-00002' });
  });

  it('Enter on a sort button sorts and does not open a chart', async () => {
    renderApp();
    const table = await grid();
    await within(table).findByText('C-00001');
    fireEvent.keyDown(within(table).getByRole('button', { name: /Payer/ }), { key: 'Enter' });
    expect(useRoute.getState().route).toEqual({ view: 'queue' });
  });

  it('focuses the search box with "/"', async () => {
    renderApp();
    const table = await grid();
    table.focus();
    fireEvent.keyDown(table, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search the queue' }));
  });

  it('fetches the next page from the database as the selection nears the end', async () => {
    const api = renderApp({}, 1000);
    const table = await grid();
    await within(table).findByText('C-00001');
    expect(api.inputs('charts.list')).toEqual([expect.objectContaining({ offset: 0, limit: 100 })]);
    fireEvent.keyDown(table, { key: 'End' });
    await waitFor(() => expect(api.inputs('charts.list').at(-1)).toMatchObject({ offset: 100, limit: 100 }));
    // Only the visible rows are in the DOM, not all loaded ones.
    expect(table.querySelectorAll('tbody tr').length).toBeLessThan(100);
    expect(screen.getByText('1,000 charts')).toBeTruthy();
  });

  it('loads the next page when the coder scrolls near the end, without jumping back', async () => {
    const api = renderApp({}, 1000);
    const table = await grid();
    await within(table).findByText('C-00001');
    const scroller = table.parentElement as HTMLElement;
    scroller.scrollTop = 2200; // row ~78 of 100 at the top of the view
    fireEvent.scroll(scroller);
    await waitFor(() => expect(api.inputs('charts.list').at(-1)).toMatchObject({ offset: 100 }));
    await within(table).findByText('C-00105');
    expect(scroller.scrollTop).toBe(2200);
    expect(table.getAttribute('aria-activedescendant')).toBe('queue-row-C-00001');
  });

  it('offers the demo workspace when the queue is empty, and loads it', async () => {
    let loaded = false;
    const api = renderApp({
      'charts.list': () => (loaded ? { rows: [chartRow(1)], total: 1 } : { rows: [], total: 0 }),
      'demo.load': () => {
        loaded = true;
        return { charts: 1, codes: 10, editRows: 0 };
      },
    });
    const button = await screen.findByRole('button', { name: 'Load demo workspace' });
    expect(screen.getByText(/synthetic charts/)).toBeTruthy();
    await act(async () => fireEvent.click(button));
    expect(api.inputs('demo.load')).toHaveLength(1);
    expect(await screen.findByText('C-00001')).toBeTruthy();
  });

  it('shows the error message when the queue cannot load, and keeps the screen usable', async () => {
    const { fail } = await import('../fake-api');
    renderApp({ 'charts.list': () => fail('INTERNAL', 'The queue could not be read.') });
    expect((await screen.findByRole('alert')).textContent).toBe('The queue could not be read.');
    expect(screen.getByRole('searchbox', { name: 'Search the queue' })).toBeTruthy();
  });
});
