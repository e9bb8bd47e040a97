import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../src/shared/domain';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import { fail, type Handlers } from '../fake-api';
import { chartDetail } from '../fixtures';
import { renderChart } from '../render-app';

const threeDx: Coding = {
  diagnoses: [
    { code: 'J18.9', poa: 'Y' },
    { code: 'E11.9', poa: null },
    { code: 'I10', poa: null },
  ],
  procedures: [],
};

async function openWith(coding: Coding, overrides: Handlers = {}) {
  const api = renderChart({ 'coding.get': () => ({ coding, revision: 7 }), ...overrides });
  await screen.findByText('Avery Testpatient');
  await screen.findByText('I10');
  return api;
}

const codesInOrder = () => useCoding.getState().coding.diagnoses.map((d) => d.code);

describe('coded list', () => {
  it('marks the first diagnosis Principal on inpatient charts and asks for POA', async () => {
    await openWith(threeDx);
    const list = screen.getByRole('list', { name: /Diagnoses/ });
    expect(within(list).getByText('Principal')).toBeTruthy();
    expect(within(list).getAllByRole('combobox', { name: /POA for/ })).toHaveLength(3);
  });

  it('marks it First-listed and asks no POA elsewhere', async () => {
    await openWith(threeDx, { 'charts.get': () => chartDetail({ setting: 'emergency' }) });
    const list = screen.getByRole('list', { name: /Diagnoses/ });
    expect(within(list).getByText('First-listed')).toBeTruthy();
    expect(within(list).queryAllByRole('combobox', { name: /POA for/ })).toHaveLength(0);
  });

  it('reorders with the buttons and with Alt+↑/↓, then saves with the revision', async () => {
    const api = await openWith(threeDx);
    fireEvent.click(screen.getByRole('button', { name: 'Move I10 up' }));
    expect(codesInOrder()).toEqual(['J18.9', 'I10', 'E11.9']);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Move I10 up' }), { key: 'ArrowUp', altKey: true });
    expect(codesInOrder()).toEqual(['I10', 'J18.9', 'E11.9']);
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'POA for I10' }), { key: 'ArrowDown', altKey: true });
    expect(codesInOrder()).toEqual(['J18.9', 'I10', 'E11.9']);
    // Debounced: one save for the burst of edits, with the loaded revision.
    await waitFor(() => expect(api.inputs('coding.save')).toHaveLength(1));
    expect(api.inputs('coding.save')[0]).toMatchObject({ revision: 7, coding: { diagnoses: [{ code: 'J18.9' }, { code: 'I10' }, { code: 'E11.9' }] } });
    await screen.findByText('Saved');
  });

  it('sets POA and removes a diagnosis', async () => {
    const api = await openWith(threeDx);
    fireEvent.change(screen.getByRole('combobox', { name: 'POA for E11.9' }), { target: { value: 'W' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove I10' }));
    expect(useCoding.getState().coding.diagnoses).toEqual([
      { code: 'J18.9', poa: 'Y' },
      { code: 'E11.9', poa: 'W' },
    ]);
    await waitFor(() => expect(api.inputs('coding.save').at(-1)?.coding.diagnoses).toHaveLength(2));
  });

  it('shows validation findings after a save, errors before warnings', async () => {
    await openWith(threeDx, {
      'coding.validate': () => [
        { rule: 'dx.unspecified', severity: 'warning', message: 'A more specific code may fit.', codes: ['J18.9'] },
        { rule: 'poa.missing', severity: 'error', message: 'POA is required for E11.9.', codes: ['E11.9'] },
      ],
    });
    const findings = await screen.findByRole('region', { name: /Edits/ });
    await within(findings).findByText('POA is required for E11.9.');
    const items = within(findings).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Error');
    expect(items[1]?.textContent).toContain('Warning');
    expect(within(findings).getByText(/1 error, 1 warning/)).toBeTruthy();
  });

  it('on CONFLICT reloads the stored coding and says so', async () => {
    let gets = 0;
    const api = await openWith(threeDx, {
      'coding.get': () => {
        gets++;
        return gets === 1 ? { coding: threeDx, revision: 7 } : { coding: { diagnoses: [{ code: 'K35.80', poa: 'Y' }], procedures: [] }, revision: 9 };
      },
      'coding.save': () => fail('CONFLICT', 'This chart was changed elsewhere.'),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove I10' }));
    expect(await screen.findByText(/changed elsewhere/)).toBeTruthy();
    expect(codesInOrder()).toEqual(['K35.80']);
    expect(useCoding.getState().revision).toBe(9);
    expect(api.inputs('coding.save')).toHaveLength(1);
  });

  it('keeps the edit and says so when a save fails', async () => {
    await openWith(threeDx, { 'coding.save': () => fail('INTERNAL', 'The workspace could not be written.') });
    fireEvent.click(screen.getByRole('button', { name: 'Remove I10' }));
    expect(await screen.findByText('Not saved: The workspace could not be written.')).toBeTruthy();
    expect(codesInOrder()).toEqual(['J18.9', 'E11.9']);
  });

  it('edits procedure modifiers and units, refusing bad modifiers without losing them', async () => {
    const api = await openWith({
      diagnoses: [{ code: 'I10', poa: null }],
      procedures: [{ system: 'cpt', code: '99213', modifiers: [], units: 1, date: null }],
    });
    const mods = screen.getByRole('textbox', { name: 'Modifiers for 99213' }) as HTMLInputElement;
    fireEvent.change(mods, { target: { value: '25 x' } });
    fireEvent.blur(mods);
    expect(screen.getByRole('alert').textContent).toMatch(/2 letters or digits/);
    expect(mods.value).toBe('25 x');
    fireEvent.change(mods, { target: { value: '25, lt' } });
    fireEvent.blur(mods);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Units for 99213' }), { target: { value: '3' } });
    expect(useCoding.getState().coding.procedures[0]).toMatchObject({ modifiers: ['25', 'LT'], units: 3 });
    await act(async () => {
      await useCoding.getState().flush();
    });
    expect(api.inputs('coding.save').at(-1)?.coding.procedures[0]).toMatchObject({ modifiers: ['25', 'LT'], units: 3 });
  });

  it('is read-only for a submitted chart', async () => {
    await openWith(threeDx, { 'charts.get': () => chartDetail({ status: 'submitted' }) });
    expect(screen.getByText(/submitted \(v1\)\. To correct it, reopen it for correction/)).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Search codes' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove I10' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Submit' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
