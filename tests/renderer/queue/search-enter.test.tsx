/** Enter in the queue's search box: one match opens; several go to the grid; none does nothing. */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRoute } from '../../../src/renderer/app/route-store';
import { chartDetail } from '../fixtures';
import { renderApp } from '../render-app';
import { demoRows, fakeList } from './demo-queue';

async function searchAndEnter(text: string) {
  const charts = demoRows();
  const api = renderApp({
    'charts.list': fakeList(charts),
    'charts.get': ({ chartId }) => chartDetail({ ...charts.find((c) => c.id === chartId), id: chartId }),
  });
  const grid = await screen.findByRole('grid', { name: 'Chart queue' });
  await screen.findByText('44 charts');
  const box = screen.getByRole('searchbox', { name: 'Search the queue' });
  box.focus();
  // Enter right after typing, before the search's debounce has asked the database.
  fireEvent.change(box, { target: { value: text } });
  await act(async () => fireEvent.keyDown(box, { key: 'Enter' }));
  return { api, grid, box };
}

describe('Enter in the queue search', () => {
  it('opens the chart when exactly one row matches', async () => {
    const { api } = await searchAndEnter('IP-260106');
    await waitFor(() => expect(useRoute.getState().route).toEqual({ view: 'chart', chartId: 'IP-260106' }));
    expect(api.inputs('charts.list').at(-1)?.search).toBe('IP-260106');
  });

  it('with several matches opens none: the grid takes focus on the first match, Enter there opens it', async () => {
    const { grid } = await searchAndEnter('tricare');
    await waitFor(() => expect(document.activeElement).toBe(grid));
    expect(screen.getByText('2 charts')).toBeTruthy();
    expect(useRoute.getState().route).toEqual({ view: 'queue' });
    expect(grid.getAttribute('aria-activedescendant')).toBe('queue-row-PF-260407');
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(useRoute.getState().route).toEqual({ view: 'chart', chartId: 'PF-260407' });
  });

  it('with no match does nothing and leaves the coder in the box', async () => {
    const { box } = await searchAndEnter('no-such-chart');
    await screen.findByText('0 charts');
    expect(useRoute.getState().route).toEqual({ view: 'queue' });
    expect(document.activeElement).toBe(box);
  });
});
