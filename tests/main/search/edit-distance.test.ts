import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../../src/main/services/codesets/search/edit-distance';

/** Textbook optimal-string-alignment distance, unbounded: the reference. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]![j]!;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i]![j] = v;
    }
  }
  return at(a.length, b.length);
}

describe('boundedDistance', () => {
  it('counts one edit for a swap, a missing, an extra or a wrong letter', () => {
    expect(boundedDistance('pnuemonia', 'pneumonia', 2)).toBe(1);
    expect(boundedDistance('diabtes', 'diabetes', 2)).toBe(1);
    expect(boundedDistance('fibrilation', 'fibrillation', 2)).toBe(1);
    expect(boundedDistance('hypertention', 'hypertension', 2)).toBe(1);
    expect(boundedDistance('femur', 'femur', 2)).toBe(0);
  });

  it('gives max + 1 beyond the bound, and reads only the first bLength letters of b', () => {
    expect(boundedDistance('kidney', 'heart', 2)).toBe(3);
    expect(boundedDistance('pnuemo', 'pneumonia', 1, 6)).toBe(1);
    expect(boundedDistance('a'.repeat(100), 'a'.repeat(99) + 'b', 1)).toBe(1);
  });

  it('agrees with the textbook distance whenever that is within the bound', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const reference = osa(a, b);
        expect(boundedDistance(a, b, max)).toBe(reference <= max ? reference : max + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
