/** Find on rendered documents: the text read from the DOM, and marks put back on the same DOM. */
import { describe, expect, it } from 'vitest';
import { findMatches } from '../../../src/renderer/features/find/find';
import { clearMarks, markMatches, setCurrentMark, textOf } from '../../../src/renderer/features/find/text-marks';

/** Like a pdf.js text layer: one span per text run, <br> where a line ends. */
function textLayer(): HTMLElement {
  const layer = document.createElement('div');
  layer.innerHTML = '<span>High-sensitivity tropo</span><span>nin I</span><br><span>Troponin repeated</span>';
  return layer;
}

describe('text marks', () => {
  it('reads runs in order with a line break for <br>', () => {
    expect(textOf(textLayer())).toBe('High-sensitivity troponin I\nTroponin repeated');
  });

  it('marks a match split across runs with one mark per run, and the text is unchanged', () => {
    const layer = textLayer();
    const matches = findMatches(textOf(layer), 'troponin');
    markMatches(layer, matches);
    const marks = Array.from(layer.querySelectorAll('mark'));
    expect(marks.map((m) => [m.dataset.match, m.textContent])).toEqual([
      ['0', 'tropo'],
      ['0', 'nin'],
      ['1', 'Troponin'],
    ]);
    expect(textOf(layer)).toBe('High-sensitivity troponin I\nTroponin repeated');
    expect(setCurrentMark(layer, 1)?.textContent).toBe('Troponin');
    expect(layer.querySelectorAll('mark.current')).toHaveLength(1);
    clearMarks(layer);
    expect(layer.innerHTML).toBe(textLayer().innerHTML);
  });

  it("marks a page's matches by their offset in the whole document", () => {
    const layer = textLayer();
    const pageStart = 100;
    markMatches(layer, [{ start: pageStart + 28, end: pageStart + 36 }], pageStart, 7);
    expect(layer.querySelector('mark')?.dataset.match).toBe('7');
    expect(layer.querySelector('mark')?.textContent).toBe('Troponin');
  });
});
