import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findMatches, splitByMatches } from '../../../src/renderer/features/find/find';
import { renderChart } from '../render-app';

async function openChart() {
  const api = renderChart();
  await screen.findByText(/Pneumonia confirmed/, { exact: false });
  return api;
}

const marks = () => Array.from(document.querySelectorAll('.doc-body mark'));

describe('find in chart', () => {
  it('findMatches is case-insensitive and literal; splitByMatches keeps every character', () => {
    const text = 'Pneumonia. pneumonia (a.b) PNEUMONIA';
    const matches = findMatches(text, 'PNEUmonia');
    expect(matches).toHaveLength(3);
    expect(findMatches(text, '(a.b)')).toEqual([{ start: 21, end: 26 }]);
    expect(findMatches(text, '   ')).toEqual([]);
    expect(splitByMatches(text, matches).map((s) => s.text).join('')).toBe(text);
  });

  it('Ctrl+F focuses the find box; every match is marked and "n of m" shown', async () => {
    await openChart();
    fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    const box = screen.getByRole('searchbox', { name: 'Find in chart' });
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: 'pneumonia' } });
    expect(marks().map((m) => m.textContent)).toEqual(['pneumonia', 'Pneumonia', 'pneumonia']);
    expect(screen.getByText('1 of 3')).toBeTruthy();
    expect(marks()[0]?.getAttribute('aria-current')).toBe('true');
  });

  it('Enter and Shift+Enter move to the next and previous match, wrapping', async () => {
    await openChart();
    const box = screen.getByRole('searchbox', { name: 'Find in chart' });
    fireEvent.change(box, { target: { value: 'pneumonia' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByText('2 of 3')).toBeTruthy();
    expect(marks()[1]?.className).toBe('current');
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(screen.getByText('3 of 3')).toBeTruthy();
  });

  it('lists matches in the other documents and opens them', async () => {
    const api = await openChart();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find in chart' }), { target: { value: 'pneumonia' } });
    const other = await screen.findByRole('button', { name: 'Discharge summary (1)' });
    expect(api.inputs('documents.get').map((i) => i.documentId)).toEqual(['d-1', 'd-2']);
    fireEvent.click(other);
    await waitFor(() => expect(screen.getByText('1 of 1')).toBeTruthy());
    expect(marks().map((m) => m.textContent)).toEqual(['Pneumonia']);
  });

  it('Escape in the find box clears the search and stays on the chart', async () => {
    await openChart();
    const box = screen.getByRole('searchbox', { name: 'Find in chart' });
    fireEvent.change(box, { target: { value: 'pneumonia' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(marks()).toHaveLength(0);
    expect(screen.getByText('Avery Testpatient')).toBeTruthy();
  });
});
