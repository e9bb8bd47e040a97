/**
 * "Next chart" walks the queue as the coder sees it: the current sort and filter, from where
 * the open chart stood, skipping charts with nothing to code, and says so at the end.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChartRow } from '../../../src/shared/domain';
import { useRoute } from '../../../src/renderer/app/route-store';
import { useQueue } from '../../../src/renderer/features/queue/queue-store';
import { installFakeApi, type Handlers } from '../fake-api';
import { chartDetail } from '../fixtures';
import { renderApp, renderChart } from '../render-app';
import { demoRows, fakeList } from './demo-queue';

function demoQueue(charts: ChartRow[] = demoRows(), overrides: Handlers = {}) {
  const byId = (id: string) => charts.find((c) => c.id === id)!;
  return renderApp({
    'charts.list': fakeList(charts),
    'charts.get': ({ chartId }) => chartDetail({ ...byId(chartId), id: chartId }),
    ...overrides,
  });
}

async function openFromQueue(chartId: string) {
  const table = await screen.findByRole('grid', { name: 'Chart queue' });
  fireEvent.doubleClick(await within(table).findByText(chartId));
  await screen.findByRole('main', { name: `Chart ${chartId}` });
}

async function pressNext() {
  await act(async () => fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true }));
}

const openedChart = () => {
  const route = useRoute.getState().route;
  return route.view === 'chart' ? route.chartId : null;
};

describe('next chart follows the queue', () => {
  it('after IP-260101 opens the next visible row IP-260106 (demo order: priority, then id)', async () => {
    demoQueue();
    await openFromQueue('IP-260101');
    await pressNext();
    await waitFor(() => expect(openedChart()).toBe('IP-260106'));
  });

  it('follows the sort and the filter the coder chose', async () => {
    demoQueue();
    const table = await screen.findByRole('grid', { name: 'Chart queue' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Setting' }), { target: { value: 'inpatient' } });
    fireEvent.click(within(table).getByRole('button', { name: /Payer/ }));
    await waitFor(() => expect(useQueue.getState().rows[0]?.id).toBe('IP-260107'));
    // Inpatient by payer: … Medicare (IP-260113 last of them), Self-pay IP-260110, Tricare IP-260112.
    await openFromQueue('IP-260113');
    await pressNext();
    await waitFor(() => expect(openedChart()).toBe('IP-260110'));
    await pressNext();
    await waitFor(() => expect(openedChart()).toBe('IP-260112'));
  });

  it('a submitted chart the filter now hides continues from where it stood', async () => {
    const charts = demoRows();
    demoQueue(charts, {
      'charts.submit': ({ chartId }) => {
        charts.find((c) => c.id === chartId)!.status = 'submitted';
        return { submitted: true, problems: [], version: 1 };
      },
    });
    await screen.findByRole('grid', { name: 'Chart queue' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'new' } });
    await waitFor(() => expect(useQueue.getState().status).toEqual(['new']));
    await openFromQueue('IP-260101');
    await act(async () => fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true }));
    await waitFor(() => expect(openedChart()).toBe('IP-260106'));
    expect(await screen.findByText('Chart IP-260101 submitted.')).toBeTruthy();
  });

  it('skips charts on hold or submitted unless the status filter asks for them', async () => {
    const charts = demoRows();
    charts.find((c) => c.id === 'IP-260106')!.status = 'on_hold';
    demoQueue(charts);
    await openFromQueue('IP-260101');
    await pressNext();
    await waitFor(() => expect(openedChart()).toBe('IP-260108'));
  });

  it('with a status filter walks exactly those charts (here: on hold)', async () => {
    const charts = demoRows();
    for (const id of ['IP-260106', 'IP-260113']) charts.find((c) => c.id === id)!.status = 'on_hold';
    demoQueue(charts);
    await screen.findByRole('grid', { name: 'Chart queue' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'on_hold' } });
    await waitFor(() => expect(useQueue.getState().total).toBe(2));
    await openFromQueue('IP-260106');
    await pressNext();
    await waitFor(() => expect(openedChart()).toBe('IP-260113'));
  });

  it('at the end of the list says so and returns to the queue instead of wrapping', async () => {
    demoQueue();
    const table = await screen.findByRole('grid', { name: 'Chart queue' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Setting' }), { target: { value: 'inpatient' } });
    fireEvent.click(within(table).getByRole('button', { name: /Payer/ }));
    await waitFor(() => expect(useQueue.getState().rows.at(-1)?.id).toBe('IP-260108'));
    await openFromQueue('IP-260108');
    await pressNext();
    await waitFor(() => expect(useRoute.getState().route).toEqual({ view: 'queue' }));
    expect(await screen.findByText('End of the queue: no more charts after IP-260108 in its current sort and filter.')).toBeTruthy();
  });

  it('the queue highlights the chart Next opened, for when the coder goes back', async () => {
    demoQueue();
    await openFromQueue('IP-260101');
    await pressNext();
    await waitFor(() => expect(openedChart()).toBe('IP-260106'));
    await act(async () => fireEvent.keyDown(window, { key: 'Escape' }));
    const table = await screen.findByRole('grid', { name: 'Chart queue' });
    await waitFor(() => expect(table.getAttribute('aria-activedescendant')).toBe('queue-row-IP-260106'));
  });

  it('reads the next page when the open chart is the last row loaded', async () => {
    const api = renderApp({}, 150);
    await screen.findByRole('grid', { name: 'Chart queue' });
    await waitFor(() => expect(useQueue.getState().rows).toHaveLength(100));
    act(() => useRoute.getState().openChart('C-00100'));
    await screen.findByRole('main', { name: 'Chart C-00100' });
    await pressNext();
    await waitFor(() => expect(openedChart()).toBe('C-00101'));
    expect(api.inputs('charts.list').at(-1)).toMatchObject({ offset: 100 });
  });

  it('a chart opened before the queue was read (after an unlock) walks the queue from its row', async () => {
    renderChart({}, 'C-00002');
    await screen.findByRole('main', { name: 'Chart C-00002' });
    await pressNext();
    await waitFor(() => expect(openedChart()).toBe('C-00003'));
  });

  it('a chart the queue does not list has no next one: back to the queue, saying why', async () => {
    renderChart({}, 'C-00009');
    await screen.findByRole('main', { name: 'Chart C-00009' });
    await pressNext();
    await waitFor(() => expect(useRoute.getState().route).toEqual({ view: 'queue' }));
    expect(await screen.findByText("Chart C-00009 is not in the queue's current list, so it has no next chart. Choose one here.")).toBeTruthy();
  });

  it('a reload overtaken by a refresh leaves the queue idle, so Next never waits on it', async () => {
    let gate: (() => void) | null = null;
    installFakeApi({
      'charts.list': async (input) => {
        if (input.search === 'slow') await new Promise<void>((r) => (gate = r));
        return { rows: [], total: 0 };
      },
    });
    useQueue.setState({ search: 'slow' });
    const reload = useQueue.getState().reload();
    useQueue.setState({ search: '' });
    await useQueue.getState().refresh();
    (gate as (() => void) | null)?.();
    await reload;
    expect(useQueue.getState().loading).toBe(false);
  });
});
