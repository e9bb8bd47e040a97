/** POA from the keyboard: Y / N / U / W / 1 on a focused diagnosis row of an inpatient chart. */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../src/shared/domain';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import type { Handlers } from '../fake-api';
import { chartDetail } from '../fixtures';
import { renderChart } from '../render-app';

const twoDx: Coding = {
  diagnoses: [
    { code: 'J18.9', poa: null },
    { code: 'E11.9', poa: null },
  ],
  procedures: [],
};

async function openWith(overrides: Handlers = {}) {
  renderChart({ 'coding.get': () => ({ coding: twoDx, revision: 3 }), ...overrides });
  await screen.findByText('Avery Testpatient');
  return screen.findByRole('button', { name: 'Show E11.9 details' });
}

const poaOf = (code: string) => useCoding.getState().coding.diagnoses.find((d) => d.code === code)?.poa;

describe('POA keys', () => {
  it('sets the POA of the focused diagnosis, from its code or its row buttons', async () => {
    const code = await openWith();
    for (const [key, poa] of [
      ['y', 'Y'],
      ['N', 'N'],
      ['u', 'U'],
      ['w', 'W'],
      ['1', '1'],
    ] as const) {
      fireEvent.keyDown(code, { key });
      expect(poaOf('E11.9')).toBe(poa);
    }
    fireEvent.keyDown(screen.getByRole('button', { name: 'Remove E11.9' }), { key: 'y' });
    expect(poaOf('E11.9')).toBe('Y');
    expect(poaOf('J18.9')).toBeNull();
    expect((screen.getByRole('combobox', { name: 'POA for E11.9' }) as HTMLSelectElement).value).toBe('Y');
  });

  it('does not fire while typing or with a modifier', async () => {
    await openWith();
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Search codes' }), { key: 'y' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Show E11.9 details' }), { key: 'y', ctrlKey: true });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Show E11.9 details' }), { key: 'y', altKey: true });
    expect(poaOf('E11.9')).toBeNull();
  });

  it('leaves a submitted chart alone', async () => {
    const code = await openWith({ 'charts.get': () => chartDetail({ status: 'submitted' }) });
    fireEvent.keyDown(code, { key: 'y' });
    expect(poaOf('E11.9')).toBeNull();
  });

  it('asks no POA outside inpatient charts', async () => {
    const code = await openWith({ 'charts.get': () => chartDetail({ setting: 'emergency' }) });
    fireEvent.keyDown(code, { key: 'y' });
    expect(poaOf('E11.9')).toBeNull();
  });

  it('lists the keys in the shortcut help', async () => {
    await openWith();
    fireEvent.keyDown(window, { key: '?' });
    const help = await screen.findByRole('dialog', { name: /shortcuts/i });
    expect(within(help).getByText('Y / N / U / W / 1')).toBeTruthy();
    expect(within(help).getByText(/Set POA on the focused diagnosis/)).toBeTruthy();
  });
});
