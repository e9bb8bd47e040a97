import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  KEYSTROKE_TO_ECHO,
  KEYSTROKE_TO_PAINT,
  KEYSTROKE_TO_REPLY,
  KEYSTROKE_WAIT,
  REPLY_TO_PAINT,
  type PaintDetail,
  type WaitDetail,
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

describe('results taken in the keystroke frame', () => {
  it('renders a reply handed over at the frame start, waiting no later than 10 ms after the keystroke', async () => {
    const api = renderChart();
    api.handOver.on = true;
    await screen.findByText('Avery Testpatient');
    const box = screen.getByRole('combobox', { name: 'Search codes' });
    const typedAt = performance.now();
    fireEvent.change(box, { target: { value: 'p' } });
    await screen.findByRole('option', { name: /J18\.9/ });
    await waitFor(() => expect(performance.getEntriesByName(KEYSTROKE_WAIT, 'measure')).toHaveLength(1));
    const wait = performance.getEntriesByName(KEYSTROKE_WAIT, 'measure')[0] as PerformanceMeasure;
    expect((wait.detail as WaitDetail).inTime).toBe(true);
    expect(api.takes).toHaveLength(1);
    // The deadline is 10 ms after the keystroke (not after the frame's start, which comes later).
    const deadline = api.takes[0] ?? Number.NaN;
    expect(deadline).toBeGreaterThanOrEqual(typedAt + 10);
    expect(deadline).toBeLessThan(typedAt + 10 + 25);
  });

  it('renders a reply that is not handed over when it comes', async () => {
    renderChart();
    await screen.findByText('Avery Testpatient');
    fireEvent.change(screen.getByRole('combobox', { name: 'Search codes' }), { target: { value: 'p' } });
    await screen.findByRole('option', { name: /J18\.9/ });
    await waitFor(() => expect(performance.getEntriesByName(KEYSTROKE_TO_PAINT, 'measure')).toHaveLength(1));
    const waits = performance.getEntriesByName(KEYSTROKE_WAIT, 'measure') as PerformanceMeasure[];
    expect(waits.filter((w) => (w.detail as WaitDetail).inTime)).toEqual([]);
  });
});
