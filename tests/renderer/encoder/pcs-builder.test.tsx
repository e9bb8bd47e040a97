import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import { renderChart } from '../render-app';
import { pcsStep } from '../encoder-fixtures';

async function openBuilder() {
  const api = renderChart({ 'codes.pcsBuild': ({ prefix }) => pcsStep(prefix) });
  await screen.findByText('Avery Testpatient');
  fireEvent.click(screen.getByRole('button', { name: /PCS builder/ }));
  const dialog = await screen.findByRole('dialog', { name: 'ICD-10-PCS builder' });
  await within(dialog).findByRole('listbox', { name: 'Section' });
  const keys = within(dialog).getByLabelText('PCS builder keys');
  return { api, dialog, keys };
}

const typeKey = (el: HTMLElement, k: string) => fireEvent.keyDown(el, { key: k });

describe('ICD-10-PCS builder', () => {
  it('walks the axes by typing characters, showing the labels chosen so far', async () => {
    const { dialog, keys, api } = await openBuilder();
    await waitFor(() => expect(document.activeElement).toBe(keys));
    for (const [k, axis] of [
      ['0', 'Body System'],
      ['d', 'Operation'],
      ['T', 'Body Part'],
      ['J', 'Approach'],
    ] as const) {
      typeKey(keys, k);
      await within(dialog).findByRole('listbox', { name: axis });
    }
    const chosen = within(dialog).getByRole('list', { name: 'Chosen so far' });
    expect(within(chosen).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Section 0 Medical and Surgical',
      'Body System D Gastrointestinal System',
      'Operation T Resection',
      'Body Part J Appendix',
    ]);
    expect(api.inputs('codes.pcsBuild').map((i) => i.prefix)).toEqual(['', '0', '0D', '0DT', '0DTJ']);
    expect(within(dialog).getByLabelText('Code so far: 0DTJ')).toBeTruthy();
  });

  it('offers only valid values: a character not offered does nothing', async () => {
    const { dialog, keys, api } = await openBuilder();
    typeKey(keys, '7');
    typeKey(keys, 'I');
    expect(api.inputs('codes.pcsBuild')).toHaveLength(1);
    expect(within(dialog).getAllByRole('option').map((o) => o.textContent)).toEqual(['0Medical and Surgical', '1Obstetrics']);
  });

  it('arrows and Enter choose; Backspace steps back', async () => {
    const { dialog, keys } = await openBuilder();
    typeKey(keys, 'ArrowDown');
    typeKey(keys, 'Enter'); // 1 Obstetrics
    await within(dialog).findByLabelText('Code so far: 1');
    typeKey(keys, 'Backspace');
    await within(dialog).findByLabelText('Code so far: empty');
    expect(within(dialog).getByRole('listbox', { name: 'Section' })).toBeTruthy();
  });

  it('a finished code is added with Enter; the builder closes, focus goes back, and Alt+D works again', async () => {
    renderChart({ 'codes.pcsBuild': ({ prefix }) => pcsStep(prefix) });
    await screen.findByText('Avery Testpatient');
    const search = screen.getByRole('combobox', { name: 'Search codes' });
    search.focus();
    fireEvent.keyDown(search, { key: 'p', code: 'KeyP', altKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'ICD-10-PCS builder' });
    await within(dialog).findByRole('listbox', { name: 'Section' });
    const keys = within(dialog).getByLabelText('PCS builder keys');
    for (const [k, next] of [
      ['0', '0'],
      ['D', '0D'],
      ['T', '0DT'],
      ['J', '0DTJ'],
      ['4', '0DTJ4'],
      ['Z', '0DTJ4Z'],
      ['Z', '0DTJ4ZZ'],
    ] as const) {
      typeKey(keys, k);
      await within(dialog).findByLabelText(`Code so far: ${next}`);
    }
    expect(within(dialog).getByRole('button', { name: 'Add 0DTJ4ZZ and close (Enter)' })).toBeTruthy();
    typeKey(keys, 'Enter');
    await waitFor(() =>
      expect(useCoding.getState().coding.procedures).toEqual([{ system: 'icd10pcs', code: '0DTJ4ZZ', modifiers: [], units: 1, date: null }]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(search);
    expect(screen.getByText('Added 0DTJ4ZZ.')).toBeTruthy();
    fireEvent.keyDown(search, { key: 'd', code: 'KeyD', altKey: true });
    expect(await screen.findByRole('dialog', { name: /Neoplasm/ })).toBeTruthy();
  });
});

describe('ICD-10-PCS builder typed ahead', () => {
  it('characters typed before their step arrives are applied in order; an invalid one drops the rest', async () => {
    const gates: (() => void)[] = [];
    renderChart({
      'codes.pcsBuild': async ({ prefix }) => {
        if (prefix !== '') await new Promise<void>((r) => gates.push(r));
        return pcsStep(prefix);
      },
    });
    await screen.findByText('Avery Testpatient');
    fireEvent.keyDown(window, { key: 'p', code: 'KeyP', altKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'ICD-10-PCS builder' });
    await within(dialog).findByRole('listbox', { name: 'Section' });
    const keys = within(dialog).getByLabelText('PCS builder keys');
    for (const k of ['0', 'D', 'T', 'Q', 'J']) typeKey(keys, k); // Q is no Body Part here
    for (let step = 0; step < 3; step++) {
      await waitFor(() => expect(gates.length).toBeGreaterThan(0));
      gates.shift()?.();
    }
    await within(dialog).findByRole('listbox', { name: 'Body Part' });
    expect(within(dialog).getByLabelText('Code so far: 0DT')).toBeTruthy();
    expect(gates).toHaveLength(0); // nothing after the invalid Q was sent
  });
});
