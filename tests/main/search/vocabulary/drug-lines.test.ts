import { describe, expect, it } from 'vitest';
import { drugLines } from '../../../../src/main/services/codesets/search/vocabulary/drug-lines';
import { parseVocabularyTsv } from '../../../../src/main/services/codesets/search/vocabulary/tsv';

const HCPCS_WORDS = new Set(['injection', 'ketorolac', 'tromethamine', 'methylprednisolone', 'acetate', 'ondansetron']);

describe('drugLines', () => {
  it('keeps the pairs whose generic HCPCS titles name, once each, sorted, in the vocabulary format', () => {
    const lines = drugLines(
      [
        { brand: 'Zofran', generic: 'Ondansetron' },
        { brand: 'Depo-Medrol', generic: 'methylprednisolone acetate' },
        { brand: 'Toradol', generic: 'ketorolac tromethamine' },
        { brand: 'TORADOL', generic: 'Ketorolac Tromethamine' },
        { brand: 'Lipitor', generic: 'atorvastatin' },
        { brand: 'ondansetron', generic: 'ondansetron' },
        { brand: 'a b c d e f', generic: 'ondansetron' },
        { brand: '---', generic: 'ondansetron' },
      ],
      HCPCS_WORDS,
      'RxNorm (NLM)',
    );
    expect(lines).toEqual([
      'depo medrol\tmethylprednisolone acetate\tRxNorm (NLM)',
      'toradol\tketorolac tromethamine\tRxNorm (NLM)',
      'zofran\tondansetron\tRxNorm (NLM)',
    ]);
    expect(parseVocabularyTsv(lines.join('\n'), 'drugs.tsv')).toHaveLength(3);
  });
});
