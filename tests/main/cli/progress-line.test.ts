import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src/main/cli/commands';

describe('import progress on a terminal', () => {
  it('shows the file, percent and lines, and says when the index is being built after the last line', () => {
    expect(progressLine({ path: '/data/icd10cm_order_2026.txt', line: 5000, totalLines: 20000 })).toBe('icd10cm_order_2026.txt: 25% (5000 of 20000 lines)');
    expect(progressLine({ path: '/data/icd10cm_order_2026.txt', line: 20000, totalLines: 20000, indexing: true })).toBe(
      'icd10cm_order_2026.txt: 100% (20000 of 20000 lines, building the search index)',
    );
    expect(progressLine({ path: 'x.txt', line: 0, totalLines: 0 })).toBe('x.txt: 0% (0 of 0 lines)');
  });
});
