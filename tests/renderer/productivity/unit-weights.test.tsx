/** The unit weights: a supervisor changes them (checked before anything is sent); others only read them. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UnitWeightsPanel } from '../../../src/renderer/features/productivity/UnitWeightsPanel';
import { DEFAULT_UNIT_WEIGHTS } from '../../../src/shared/metrics';
import { installFakeApi } from '../fake-api';

const box = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

describe('unit weights', () => {
  it('saves a supervisor’s weights and says so; refuses one out of range without calling', async () => {
    const api = installFakeApi({ 'settings.setUnitWeights': ({ weights }) => weights, 'reports.productivity': () => new Promise(() => undefined) });
    render(<UnitWeightsPanel weights={DEFAULT_UNIT_WEIGHTS} editable />);
    expect(box('Professional fee').value).toBe('0.25');
    const save = screen.getByRole('button', { name: 'Save weights' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    fireEvent.change(box('Emergency'), { target: { value: '11' } });
    await act(async () => fireEvent.click(save));
    expect(screen.getByRole('alert').textContent).toMatch(/from 0 to 10 for emergency/);
    expect(api.inputs('settings.setUnitWeights')).toEqual([]);

    fireEvent.change(box('Emergency'), { target: { value: '0.6' } });
    await act(async () => fireEvent.click(save));
    expect(api.inputs('settings.setUnitWeights')).toEqual([{ weights: { ...DEFAULT_UNIT_WEIGHTS, emergency: 0.6 } }]);
    expect(screen.getByRole('status').textContent).toBe('Saved: weighted units now use these weights.');
  });

  it('shows a coder the weights in use, read-only, with no save', () => {
    installFakeApi({});
    render(<UnitWeightsPanel weights={DEFAULT_UNIT_WEIGHTS} editable={false} />);
    expect(box('Inpatient').readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save weights' })).toBeNull();
    expect(screen.getByText(/Your supervisor sets them/)).toBeTruthy();
  });
});
