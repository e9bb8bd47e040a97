import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Coding } from '../../../src/shared/domain';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import { renderChart } from '../render-app';

const coding: Coding = {
  diagnoses: [
    { code: 'J18.9', poa: 'Y' },
    { code: 'E11.9', poa: null },
  ],
  procedures: [],
};

async function open() {
  renderChart({ 'coding.get': () => ({ coding, revision: 1 }) });
  await screen.findByText('Avery Testpatient');
  return screen.findByRole('listitem', { name: 'Principal: J18.9' });
}

describe('a diagnosis row', () => {
  it('the closed POA select shows just the value; its options and tooltip say the full meaning', async () => {
    const row = await open();
    const select = within(row).getByRole('combobox', { name: 'POA for J18.9' });
    expect(row.querySelector('.poa-shown')?.textContent).toBe('Y');
    expect(select.getAttribute('title')).toBe('POA Y – Present at the time of inpatient admission');
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options).toContain('1 – Exempt from POA reporting');
    expect(options).toContain('W – Clinically undetermined');

    const second = screen.getByRole('listitem', { name: 'Secondary 1: E11.9' });
    expect(second.querySelector('.poa-shown')?.textContent).toBe('POA');
    fireEvent.change(within(second).getByRole('combobox'), { target: { value: '1' } });
    expect(useCoding.getState().coding.diagnoses[1]?.poa).toBe('1');
    expect(second.querySelector('.poa-shown')?.textContent).toBe('1');
  });

  it('the title sits on the row, with the full title as its tooltip (the row ellipsises it)', async () => {
    const row = await open();
    const title = await within(row).findByText('Pneumonia, unspecified organism');
    expect(title.getAttribute('title')).toBe('Pneumonia, unspecified organism');
    expect(title.classList.contains('code-title')).toBe(true);
  });
});
