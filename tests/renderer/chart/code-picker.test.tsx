import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import { usePicker } from '../../../src/renderer/features/coding/picker-store';
import type { Handlers } from '../fake-api';
import { renderChart } from '../render-app';

async function openPicker(overrides: Handlers = {}) {
  const api = renderChart(overrides);
  await screen.findByText('Avery Testpatient');
  const box = screen.getByRole('combobox', { name: 'Search codes' });
  return { api, box };
}

describe('code picker', () => {
  it('takes focus when the chart opens, so the coder can type a code at once', async () => {
    const { box } = await openPicker();
    await waitFor(() => expect(document.activeElement).toBe(box));
  });

  it('searches as the coder types, with the chart coding date and the chosen system', async () => {
    const { api, box } = await openPicker();
    fireEvent.change(screen.getByRole('combobox', { name: 'Code system' }), { target: { value: 'icd10cm' } });
    fireEvent.change(box, { target: { value: 'pneu' } });
    await screen.findByRole('option', { name: /J18\.9/ });
    expect(api.inputs('codes.search').at(-1)).toMatchObject({ query: 'pneu', system: 'icd10cm', date: '2026-03-04' });
    const list = screen.getByRole('listbox', { name: 'Code results' });
    expect(within(list).getByText('header — not billable')).toBeTruthy();
    expect(within(list).getAllByText('billable')).toHaveLength(2);
  });

  it('starts the search at beforeinput with the value the edit will give, and sends it once', async () => {
    const { api, box } = await openPicker();
    (box as HTMLInputElement).value = 'pne';
    (box as HTMLInputElement).setSelectionRange(3, 3);
    fireEvent(box, new InputEvent('beforeinput', { inputType: 'insertText', data: 'u', bubbles: true, cancelable: true }));
    expect(api.inputs('codes.search').map((i) => i.query)).toEqual(['pneu']);
    fireEvent.change(box, { target: { value: 'pneu' } });
    await screen.findByRole('option', { name: /J18\.9/ });
    expect(api.inputs('codes.search').map((i) => i.query)).toEqual(['pneu']);
    // An edit that turns out otherwise (here the browser did not insert the character) searches the real value.
    fireEvent(box, new InputEvent('beforeinput', { inputType: 'deleteContentBackward', bubbles: true, cancelable: true }));
    fireEvent.change(box, { target: { value: 'pneum' } });
    expect(api.inputs('codes.search').map((i) => i.query)).toEqual(['pneu', 'pne', 'pneum']);
    await waitFor(() => expect(usePicker.getState().results.length).toBeGreaterThan(0));
    expect(usePicker.getState().query).toBe('pneum');
  });

  it('↓ moves the active result and Enter adds it to the diagnoses', async () => {
    const { api, box } = await openPicker();
    fireEvent.change(box, { target: { value: 'pneu' } });
    await screen.findByRole('option', { name: /J18\.9/ });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(screen.getByRole('option', { name: /J18\.9/ }).getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe('code-option-1');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(useCoding.getState().coding.diagnoses).toEqual([{ code: 'J18.9', poa: null }]);
    const dx = screen.getByRole('list', { name: /Diagnoses/ });
    expect(within(dx).getByText('J18.9')).toBeTruthy();
    // The box is ready for the next code.
    expect((box as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(api.inputs('coding.save')).toHaveLength(1));
  });

  it('does not add a header code and says why', async () => {
    const { box } = await openPicker();
    fireEvent.change(box, { target: { value: 'pneu' } });
    await screen.findByRole('option', { name: /J18\.9/ });
    fireEvent.keyDown(box, { key: 'Enter' }); // J18, a header
    expect(useCoding.getState().coding.diagnoses).toEqual([]);
    // A header is first checked for 7th characters (none here), then refused with the reason.
    expect(await screen.findByText('J18 is a header, not billable. Choose a more specific code.')).toBeTruthy();
  });

  it('adds procedure systems to the procedures', async () => {
    const { box } = await openPicker({
      'codes.search': ({ query }) => ({
        query,
        results: [{ system: 'icd10pcs', code: '0BJ08ZZ', title: 'Inspection of tracheobronchial tree', billable: true }],
      }),
    });
    fireEvent.change(box, { target: { value: 'inspection' } });
    await screen.findByRole('option', { name: /0BJ08ZZ/ });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(useCoding.getState().coding.procedures).toEqual([
      { system: 'icd10pcs', code: '0BJ08ZZ', modifiers: [], units: 1, date: null },
    ]);
    expect(screen.getByLabelText('Date of 0BJ08ZZ')).toBeTruthy();
  });

  it('shows only the newest results when replies arrive out of order', async () => {
    let release: () => void = () => undefined;
    const { api, box } = await openPicker({
      'codes.search': async ({ query }) => {
        if (query === 'pn') await new Promise<void>((r) => (release = r));
        return {
          query,
          results: [{ system: 'icd10cm', code: query === 'pn' ? 'OLD.1' : 'NEW.1', title: 'x', billable: true }],
        };
      },
    });
    fireEvent.change(box, { target: { value: 'pn' } });
    await waitFor(() => expect(api.inputs('codes.search')).toHaveLength(1)); // first search in flight
    fireEvent.change(box, { target: { value: 'pneu' } });
    await screen.findByRole('option', { name: /NEW\.1/ });
    await act(async () => release());
    expect(screen.queryByRole('option', { name: /OLD\.1/ })).toBeNull();
  });
});
