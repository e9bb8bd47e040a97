import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import type { CodeHit } from '../../../src/shared/domain';
import { renderChart } from '../render-app';
import {
  detailFor,
  dislocationDetail,
  dislocationHeader,
  exactSearch,
  fractureDetail,
  fractureHeader,
  poisoningDetail,
  poisoningHeader,
} from '../encoder-fixtures';

const DETAILS = { 'S72.001': fractureDetail, 'T36.0X1': poisoningDetail, 'S03.0': dislocationDetail } as const;

async function pickFirst(hit: CodeHit) {
  const api = renderChart({
    'codes.search': ({ query }) => ({ query, results: query === 'pick' ? [hit] : exactSearch(query) }),
    'codes.show': ({ code }) => DETAILS[code as keyof typeof DETAILS] ?? detailFor(code),
  });
  await screen.findByText('Avery Testpatient');
  const box = screen.getByRole('combobox', { name: 'Search codes' });
  fireEvent.change(box, { target: { value: 'pick' } });
  await screen.findByRole('option', { name: new RegExp(hit.code.replace('.', '\\.')) });
  fireEvent.keyDown(box, { key: 'Enter' });
  const dialog = await screen.findByRole('dialog', { name: `7th character for ${hit.code}` });
  return { api, dialog, box };
}

describe('7th-character chooser', () => {
  it('opens for a code whose category defines 7th characters, listing them with the code each gives', async () => {
    const { dialog } = await pickFirst(fractureHeader);
    const list = within(dialog).getByRole('listbox', { name: '7th characters' });
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Ainitial encounter for closed fractureS72.001A',
      'Binitial encounter for open fracture type I or IIS72.001B',
      'Dsubsequent encounter for closed fracture with routine healingS72.001D',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(list));
    expect(useCoding.getState().coding.diagnoses).toEqual([]);
  });

  it('typing the character adds the full code', async () => {
    const { dialog, api } = await pickFirst(fractureHeader);
    fireEvent.keyDown(within(dialog).getByRole('listbox'), { key: 'a' });
    await waitFor(() => expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'S72.001A', poa: null }]));
    expect(screen.queryByRole('dialog')).toBeNull();
    // The full code was looked up in the chart's version before it went in.
    expect(api.inputs('codes.search').at(-1)).toMatchObject({ query: 'S72.001A', system: 'icd10cm', date: '2026-03-04' });
    expect(await screen.findByText('Added S72.001A.')).toBeTruthy();
  });

  it('↓ and Enter choose too', async () => {
    const { dialog } = await pickFirst(fractureHeader);
    const list = within(dialog).getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe('seventh-2');
    fireEvent.keyDown(list, { key: 'Enter' });
    await waitFor(() => expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'S72.001D', poa: null }]));
  });

  it('keeps an X already in the code (T36.0X1 + A)', async () => {
    const { dialog } = await pickFirst(poisoningHeader);
    fireEvent.click(within(dialog).getByRole('option', { name: /sequela/ }));
    // T36.0X1S is not in this fake code set: refused with a reason, nothing added.
    expect(await screen.findByText('T36.0X1S is not a valid code for this date. Choose another 7th character or a more specific code.')).toBeTruthy();
    expect(useCoding.getState().coding.diagnoses).toEqual([]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Search codes' }), { target: { value: 'pick' } });
    await screen.findByRole('option', { name: /T36\.0X1/ });
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Search codes' }), { key: 'Enter' });
    const again = await screen.findByRole('dialog', { name: '7th character for T36.0X1' });
    fireEvent.keyDown(within(again).getByRole('listbox'), { key: 'A' });
    await waitFor(() => expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'T36.0X1A', poa: null }]));
  });

  it('fills XX on a 4-character code', async () => {
    const { dialog } = await pickFirst(dislocationHeader);
    expect(within(dialog).getByText('S03.0XXA')).toBeTruthy();
    fireEvent.keyDown(within(dialog).getByRole('listbox'), { key: 'a' });
    await waitFor(() => expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'S03.0XXA', poa: null }]));
  });

  it('Esc closes the chooser and adds nothing; the chart stays open', async () => {
    const { dialog } = await pickFirst(fractureHeader);
    fireEvent.keyDown(within(dialog).getByRole('listbox'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useCoding.getState().coding.diagnoses).toEqual([]);
    expect(screen.getByText('Avery Testpatient')).toBeTruthy();
  });

  it('a character the category does not define does nothing', async () => {
    const { dialog } = await pickFirst(fractureHeader);
    fireEvent.keyDown(within(dialog).getByRole('listbox'), { key: 'q' });
    expect(screen.getByRole('dialog', { name: '7th character for S72.001' })).toBeTruthy();
    expect(useCoding.getState().coding.diagnoses).toEqual([]);
  });
});
