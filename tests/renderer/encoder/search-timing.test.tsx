import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KEYSTROKE_TO_ECHO,
  KEYSTROKE_TO_PAINT,
  KEYSTROKE_TO_REPLY,
  REPLY_TO_PAINT,
  type PaintDetail,
} from '../../../src/renderer/features/coding/search-timing';
import { renderChart } from '../render-app';

afterEach(() => {
  performance.clearMeasures();
  performance.clearMarks();
});

describe('keystroke-to-results-painted timing', () => {
  it('measures each keystroke whose results reach the screen, with no query text in the names', async () => {
    renderChart();
    await screen.findByText('Avery Testpatient');
    const box = screen.getByRole('combobox', { name: 'Search codes' });
    fireEvent.change(box, { target: { value: 'p' } });
    await screen.findByRole('option', { name: /J18\.9/ });
    await waitFor(() => expect(performance.getEntriesByName(KEYSTROKE_TO_PAINT, 'measure')).toHaveLength(1));
    fireEvent.change(box, { target: { value: 'pn' } });
    await waitFor(() => expect(performance.getEntriesByName(KEYSTROKE_TO_PAINT, 'measure')).toHaveLength(2));
    const measure = performance.getEntriesByName(KEYSTROKE_TO_PAINT, 'measure')[0];
    expect(measure?.duration).toBeGreaterThanOrEqual(0);
    // The renderer's own share is measured too, from the reply to the paint.
    expect(performance.getEntriesByName(REPLY_TO_PAINT, 'measure')).toHaveLength(2);
    // Marks are cleared once measured and never carry the query.
    expect(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('search:'))).toEqual([]);
  });

  it('splits each painted keystroke into the frame floor and the round trip, paired by keystroke id', async () => {
    renderChart();
    await screen.findByText('Avery Testpatient');
    const box = screen.getByRole('combobox', { name: 'Search codes' });
    fireEvent.change(box, { target: { value: 'p' } });
    await waitFor(() => expect(performance.getEntriesByName(KEYSTROKE_TO_PAINT, 'measure')).toHaveLength(1));
    await waitFor(() => expect(performance.getEntriesByName(KEYSTROKE_TO_ECHO, 'measure')).toHaveLength(1));
    const paint = performance.getEntriesByName(KEYSTROKE_TO_PAINT, 'measure')[0] as PerformanceMeasure;
    const detail = paint.detail as PaintDetail;
    expect(typeof detail.firstFrame).toBe('boolean');
    for (const name of [KEYSTROKE_TO_ECHO, KEYSTROKE_TO_REPLY, REPLY_TO_PAINT]) {
      const entry = performance.getEntriesByName(name, 'measure')[0] as PerformanceMeasure;
      expect((entry.detail as { id: number }).id).toBe(detail.id);
      expect(entry.duration).toBeLessThanOrEqual(paint.duration);
    }
  });

  it('searches on every keystroke (no debounce delay) and drops the mark of a superseded one', async () => {
    let release: () => void = () => undefined;
    const api = renderChart({
      'codes.search': async ({ query }) => {
        if (query === 'p') await new Promise<void>((r) => (release = r));
        return { query, results: [{ system: 'icd10cm', code: 'J18.9', title: 'Pneumonia', billable: true }] };
      },
    });
    await screen.findByText('Avery Testpatient');
    const box = screen.getByRole('combobox', { name: 'Search codes' });
    fireEvent.change(box, { target: { value: 'p' } });
    fireEvent.change(box, { target: { value: 'pn' } });
    expect(api.inputs('codes.search').map((i) => i.query)).toEqual(['p', 'pn']);
    await screen.findByRole('option', { name: /J18\.9/ });
    await waitFor(() => expect(performance.getEntriesByName(KEYSTROKE_TO_PAINT, 'measure')).toHaveLength(1));
    release();
    await new Promise((r) => setTimeout(r, 30));
    expect(performance.getEntriesByName(KEYSTROKE_TO_PAINT, 'measure')).toHaveLength(1);
    expect(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('search:'))).toEqual([]);
  });
});
