/** Diagnosis pointers in the procedure row: mouse and keyboard, kept on their code, a removed one shown. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../src/shared/domain';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import type { Handlers } from '../fake-api';
import { chartDetail } from '../fixtures';
import { renderChart } from '../render-app';

const proFee: Coding = {
  diagnoses: [
    { code: 'E11.22', poa: null },
    { code: 'I10', poa: null },
    { code: 'N18.31', poa: null },
  ],
  procedures: [
    { system: 'cpt', code: '99214', modifiers: [], units: 1, date: null },
    { system: 'hcpcs', code: 'G2211', modifiers: [], units: 1, date: null, pointers: ['I10'] },
  ],
};

async function open(coding: Coding, overrides: Handlers = {}) {
  const api = renderChart({ 'charts.get': () => chartDetail({ setting: 'professional' }), 'coding.get': () => ({ coding, revision: 3 }), ...overrides });
  await screen.findByText('Avery Testpatient');
  await screen.findByText('G2211');
  return api;
}

const group = (line: string) => screen.getByRole('group', { name: `Diagnosis pointers for ${line}` });
const pointersOf = (i: number) => useCoding.getState().coding.procedures[i]?.pointers;

describe('diagnosis pointers', () => {
  it('toggle by click and by typing the letter, in the order set, and save by code', async () => {
    const api = await open(proFee);
    const g = group('99214');
    fireEvent.click(within(g).getByRole('button', { name: 'Point at C: N18.31' }));
    fireEvent.keyDown(within(g).getByRole('button', { name: 'Point at C: N18.31 (1st)' }), { key: 'a' });
    expect(pointersOf(0)).toEqual(['N18.31', 'E11.22']);
    expect(within(g).getByRole('button', { name: 'Point at A: E11.22 (2nd)' }).getAttribute('aria-pressed')).toBe('true');
    // Again: taken away.
    fireEvent.keyDown(g, { key: 'C' });
    expect(pointersOf(0)).toEqual(['E11.22']);
    // A letter with no diagnosis behind it does nothing.
    fireEvent.keyDown(g, { key: 'd' });
    expect(pointersOf(0)).toEqual(['E11.22']);
    await act(async () => {
      await useCoding.getState().flush();
    });
    expect(api.inputs('coding.save').at(-1)?.coding.procedures.map((p) => p.pointers)).toEqual([['E11.22'], ['I10']]);
  });

  it('refuse a fifth pointer with a message, keeping the four', async () => {
    const five: Coding = { ...proFee, diagnoses: [...proFee.diagnoses, { code: 'Z79.4', poa: null }, { code: 'Z79.84', poa: null }] };
    await open({ ...five, procedures: [{ ...proFee.procedures[0]!, pointers: ['E11.22', 'I10', 'N18.31', 'Z79.4'] }, proFee.procedures[1]!] });
    fireEvent.click(within(group('99214')).getByRole('button', { name: 'Point at E: Z79.84' }));
    expect(screen.getByRole('alert').textContent).toMatch(/At most 4 diagnosis pointers/);
    expect(pointersOf(0)).toEqual(['E11.22', 'I10', 'N18.31', 'Z79.4']);
  });

  it('follow their code when the diagnoses are reordered; a removed diagnosis stays as a visible problem', async () => {
    await open(proFee);
    expect(within(group('G2211')).getByRole('button', { name: 'Point at B: I10 (1st)' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Move I10 up' }));
    expect(within(group('G2211')).getByRole('button', { name: 'Point at A: I10 (1st)' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(group('G2211')).getByRole('button', { name: 'Point at B: E11.22' }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Remove I10' }));
    // Not moved onto the code that took its letter.
    expect(pointersOf(1)).toEqual(['I10']);
    expect(within(group('G2211')).getByRole('button', { name: 'Point at A: E11.22' }).getAttribute('aria-pressed')).toBe('false');
    const lost = within(group('G2211')).getByRole('button', { name: 'Remove pointer to I10' });
    expect(lost.textContent).toContain('I10 removed');
    fireEvent.click(lost);
    expect(pointersOf(1)).toEqual([]);
  });

  it('pro-fee diagnoses show the letters the lines point at', async () => {
    await open(proFee);
    const dx = screen.getByRole('list', { name: /Diagnoses/ });
    expect(within(dx).getAllByTitle(/^Pointer [A-L]$/).map((e) => e.textContent)).toEqual(['A', 'B', 'C']);
  });

  it('an emergency chart has no pointer field', async () => {
    await open(proFee, { 'charts.get': () => chartDetail({ setting: 'emergency' }) });
    expect(screen.queryByRole('group', { name: /Diagnosis pointers/ })).toBeNull();
  });
});
