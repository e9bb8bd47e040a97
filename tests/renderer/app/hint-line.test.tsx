import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hintText } from '../../../src/renderer/components/HintLine';
import { renderChart } from '../render-app';

describe('the hint line', () => {
  it('keeps an acronym at the start of a description as written: "ICD-10-PCS builder", not "iCD-10-PCS builder"', () => {
    expect(hintText({ keys: 'Alt+P', does: 'ICD-10-PCS builder' })).toBe('Alt+P ICD-10-PCS builder');
    expect(hintText({ keys: 'Alt+N', does: 'Next chart' })).toBe('Alt+N next chart');
    expect(hintText({ keys: 'Ctrl+F', does: 'Find in chart (Enter / Shift+Enter: next / previous match)' })).toBe('Ctrl+F find in chart');
    expect(hintText({ keys: 'Alt+D', does: 'Neoplasm and Drug tables', hint: 'Neoplasm/Drug tables' })).toBe('Alt+D Neoplasm/Drug tables');
  });

  it('on the chart screen: one item per shortcut, so it wraps between items and never cuts one off', async () => {
    renderChart();
    await screen.findByText('Avery Testpatient');
    const footer = await waitFor(() => document.querySelector('footer.hint-line')!);
    const items = [...footer.querySelectorAll('.hint')].map((el) => el.textContent);
    expect(items).toContain('Alt+P ICD-10-PCS builder');
    expect(items.at(-1)).toBe('? all shortcuts');
    expect(footer.textContent).not.toMatch(/iCD/);
  });
});
