/**
 * Moving to another chart leaves nothing of the last one on screen: every per-chart store
 * resets when the open chart changes; "Added X." stands only while X is coded.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../src/shared/domain';
import { useRoute } from '../../../src/renderer/app/route-store';
import { useWorkflow } from '../../../src/renderer/features/chart/workflow-store';
import { useFindingsFocus } from '../../../src/renderer/features/coding/findings-focus-store';
import { usePicker } from '../../../src/renderer/features/coding/picker-store';
import { useAddFlow } from '../../../src/renderer/features/encoder/add-flow';
import { useDetail } from '../../../src/renderer/features/encoder/detail-store';
import { useEncoderUi } from '../../../src/renderer/features/encoder/encoder-ui';
import { usePcs } from '../../../src/renderer/features/encoder/pcs-store';
import { useIndexTable } from '../../../src/renderer/features/encoder/table-store';
import { useTree } from '../../../src/renderer/features/encoder/tree-store';
import { useFind } from '../../../src/renderer/features/find/find-store';
import { resetChartStores } from '../../../src/renderer/lib/store-registry';
import { installFakeApi, type Handlers } from '../fake-api';
import { hits } from '../fixtures';
import { renderChart } from '../render-app';

const coded: Coding = { diagnoses: [{ code: 'E11.9', poa: null }], procedures: [] };

async function openC1(overrides: Handlers = {}) {
  const api = renderChart({ 'coding.get': ({ chartId }) => ({ coding: chartId === 'C-00001' ? coded : { diagnoses: [], procedures: [] }, revision: 1 }), ...overrides });
  await screen.findByRole('main', { name: 'Chart C-00001' });
  return api;
}

async function moveTo(chartId: string) {
  act(() => useRoute.getState().openChart(chartId));
  await screen.findByRole('main', { name: `Chart ${chartId}` });
}

const detailPane = () => screen.getByRole('complementary', { name: 'Code detail' });
const pickerStatus = () => screen.getByRole('region', { name: 'Add codes' }).querySelector('.picker-status')?.textContent ?? '';

describe('per-chart state on chart change', () => {
  it('the code detail pane no longer shows the last chart\'s code', async () => {
    await openC1();
    fireEvent.click(await screen.findByRole('button', { name: 'Show E11.9 details' }));
    await waitFor(() => expect(within(detailPane()).getByText('E11.9')).toBeTruthy());
    await act(async () => fireEvent.keyDown(window, { key: 'n', code: 'KeyN', altKey: true }));
    await screen.findByRole('main', { name: 'Chart C-00002' });
    expect(within(detailPane()).queryByText('E11.9')).toBeNull();
    expect(within(detailPane()).getByText('Highlight a search result or a coded code to see its notes.')).toBeTruthy();
  });

  it('every per-chart store starts empty on the next chart', async () => {
    await openC1();
    await act(async () => {
      await useDetail.getState().open({ system: 'icd10cm', code: 'E11.9' });
      usePicker.setState({ query: 'diab', system: 'icd10pcs', results: hits, message: 'Added E11.9.' });
      useFind.getState().setQuery('pneumonia');
      useFindingsFocus.getState().toggle('dx|E11.9', ['E11.9']);
      usePcs.setState({ prefix: '0DT', typeAhead: 'J' });
      useIndexTable.setState({ query: 'lung', table: 'drug' });
      useTree.setState({ children: { '': [] }, expanded: { E11: true }, focused: 'E11' });
      useAddFlow.setState({ message: 'Added E11.9.' });
      useWorkflow.setState({ error: 'Your latest codes could not be saved yet.' });
      useEncoderUi.getState().show('pcs');
    });
    const date = usePicker.getState().date;
    await moveTo('C-00002');
    expect(useDetail.getState()).toMatchObject({ target: null, detail: null, history: [] });
    expect(usePicker.getState()).toMatchObject({ query: '', system: '', results: [], message: null, date });
    expect(useFind.getState().query).toBe('');
    expect(useFindingsFocus.getState()).toMatchObject({ focused: null, codes: [] });
    expect(usePcs.getState()).toMatchObject({ prefix: '', typeAhead: '', step: null });
    expect(useIndexTable.getState()).toMatchObject({ query: '', result: null, table: 'neoplasm' });
    // The tree's children were read for the last chart's date (code-set version).
    expect(useTree.getState()).toMatchObject({ children: {}, expanded: {}, focused: null });
    expect(useAddFlow.getState()).toMatchObject({ message: null, seventh: null });
    expect(useWorkflow.getState()).toMatchObject({ error: null, blocked: null });
    expect(useEncoderUi.getState().open).toBeNull();
  });

  it('"Added X." goes away when X is removed, and stays while X is still coded', async () => {
    await openC1({ 'coding.get': () => ({ coding: { diagnoses: [], procedures: [] }, revision: 1 }) });
    const box = screen.getByRole('combobox', { name: 'Search codes' });
    fireEvent.change(box, { target: { value: 'pneu' } });
    fireEvent.click(await screen.findByRole('option', { name: /J18\.9/ }));
    fireEvent.change(box, { target: { value: 'diab' } });
    fireEvent.click(await screen.findByRole('option', { name: /E11\.9/ }));
    expect(pickerStatus()).toBe('Added E11.9.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove J18.9' }));
    expect(pickerStatus()).toBe('Added E11.9.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove E11.9' }));
    expect(pickerStatus()).toBe('');
    expect(useAddFlow.getState().message).toBeNull();
  });

  it('a Tabular List reply for the last chart arriving after the change is dropped', async () => {
    let release: () => void = () => undefined;
    installFakeApi({
      'codes.browse': async () => {
        await new Promise<void>((r) => (release = r));
        return [{ code: '01', title: 'A chapter of the last chart\'s version', level: 'chapter', billable: false, hasChildren: true }];
      },
    });
    const started = useTree.getState().start();
    resetChartStores();
    release();
    await started;
    expect(useTree.getState().children).toEqual({});
  });
});
