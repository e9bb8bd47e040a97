import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import { renderChart } from '../render-app';
import { DRUG_COLUMNS, NEOPLASM_COLUMNS, detailFor, exactSearch, poisoningDetail, tableResult } from '../encoder-fixtures';

async function openTables() {
  const api = renderChart({
    'codes.tableSearch': ({ table }) => tableResult(table),
    'codes.search': ({ query }) => ({ query, results: exactSearch(query) }),
    'codes.show': ({ code }) => (code === 'T36.0X1' ? poisoningDetail : detailFor(code, { billable: false })),
  });
  await screen.findByText('Avery Testpatient');
  fireEvent.keyDown(window, { key: 'd', code: 'KeyD', altKey: true });
  const dialog = await screen.findByRole('dialog', { name: 'Neoplasm and Drug tables' });
  return { api, dialog };
}

describe('Neoplasm and Drug tables', () => {
  it('searches the neoplasm table by term and shows its columns', async () => {
    const { api, dialog } = await openTables();
    fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Search the table' }), { target: { value: 'breast' } });
    const table = await within(dialog).findByRole('table', { name: 'Neoplasm table' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Site', ...NEOPLASM_COLUMNS]);
    expect(within(table).getByRole('rowheader', { name: 'breast › right' })).toBeTruthy();
    expect(api.inputs('codes.tableSearch').at(-1)).toMatchObject({ table: 'neoplasm', query: 'breast' });
    expect(within(dialog).getByText(/Source: FY2026 ICD-10-CM Neoplasm table/)).toBeTruthy();
  });

  it('clicking a cell adds that code', async () => {
    const { dialog } = await openTables();
    fireEvent.change(within(dialog).getByRole('searchbox'), { target: { value: 'breast' } });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'C50.911: Malignant Primary, breast > right' }));
    await waitFor(() => expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'C50.911', poa: null }]));
  });

  it('a cell ending in "-" needs more characters: it opens in the code detail instead', async () => {
    const { dialog } = await openTables();
    fireEvent.change(within(dialog).getByRole('searchbox'), { target: { value: 'breast' } });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'C50.9-: Malignant Primary, breast' }));
    expect(await within(dialog).findByText('C50.9- needs more characters: see C50.9 in the code detail.')).toBeTruthy();
    expect(useCoding.getState().coding.diagnoses).toEqual([]);
    const pane = screen.getByRole('complementary', { name: 'Code detail' });
    expect(await within(pane).findByText('Title of C50.9')).toBeTruthy();
  });

  it('switches to the drug table; a poisoning code asks for its 7th character', async () => {
    const { dialog, api } = await openTables();
    fireEvent.change(within(dialog).getByRole('searchbox'), { target: { value: 'penicillin' } });
    await within(dialog).findByRole('table', { name: 'Neoplasm table' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Drugs and chemicals' }));
    const table = await within(dialog).findByRole('table', { name: 'Drugs and chemicals' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Substance', ...DRUG_COLUMNS]);
    expect(api.inputs('codes.tableSearch').at(-1)).toMatchObject({ table: 'drug', query: 'penicillin' });
    fireEvent.click(within(table).getByRole('button', { name: /^T36\.0X1: Poisoning, Accidental/ }));
    const chooser = await screen.findByRole('dialog', { name: '7th character for T36.0X1' });
    fireEvent.keyDown(within(chooser).getByRole('listbox'), { key: 'a' });
    await waitFor(() => expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'T36.0X1A', poa: null }]));
  });

  it('arrow keys move between code cells: Down from the box enters the table, empty cells are skipped', async () => {
    const { dialog } = await openTables();
    const box = within(dialog).getByRole('searchbox');
    fireEvent.change(box, { target: { value: 'breast' } });
    const table = await within(dialog).findByRole('table', { name: 'Neoplasm table' });
    const cells = within(table).getAllByRole('button');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cells[0]);
    const at = () => {
      const el = document.activeElement as HTMLElement;
      return [Number(el.dataset['row']), Number(el.dataset['col'])];
    };
    const [row0, col0] = at();
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowRight' });
    const [row1, col1] = at();
    expect(row1).toBe(row0);
    expect(col1).toBeGreaterThan(col0 ?? 0);
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'End' });
    expect(at()[1]).toBe(Math.max(...cells.filter((c) => c.dataset['row'] === String(row0)).map((c) => Number(c.dataset['col']))));
  });
});
