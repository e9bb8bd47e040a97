import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../src/main/cli/commands';

const at = { file: 1, files: 2 };

describe('import progress on a terminal', () => {
  it('shows the file, percent and lines, and says when the index is being built after the last line', () => {
    expect(progressLine({ ...at, path: '/data/icd10cm_order_2026.txt', step: 'reading', line: 5000, totalLines: 20000 })).toBe(
      'icd10cm_order_2026.txt: 25% (5000 of 20000 lines)',
    );
    expect(progressLine({ ...at, path: '/data/icd10cm_order_2026.txt', step: 'indexing', line: 20000, totalLines: 20000 })).toBe(
      'icd10cm_order_2026.txt: 100% (20000 of 20000 lines, building the search index)',
    );
    expect(progressLine({ ...at, path: 'x.txt', step: 'reading', line: 0, totalLines: 0 })).toBe('x.txt: 0% (0 of 0 lines)');
  });

  it('says when a file is being checked against the official releases, before any is imported', () => {
    expect(progressLine({ ...at, path: '/data/x.txt', step: 'checking', line: 0, totalLines: 0 })).toBe('x.txt: checking against the official releases');
  });
});
