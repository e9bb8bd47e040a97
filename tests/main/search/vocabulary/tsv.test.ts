import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLiteralTsv } from '../../../../src/main/services/codesets/search/vocabulary/literal';
import { parseVocabularyTsv } from '../../../../src/main/services/codesets/search/vocabulary/tsv';
import { failureOf } from '../../codesets/helpers';

describe('parseVocabularyTsv', () => {
  it('reads typed<TAB>meaning<TAB>source lines as words, skipping comments and blank lines, any line ending', () => {
    const text = '\uFEFF# a comment\r\nA-Fib\tAtrial Fibrillation\tclinical usage\r\n\ns/p\tstatus\tguidelines\ns/p\tpresence\tguidelines\n';
    const entries = parseVocabularyTsv(text, 'shorthand.tsv');
    expect(entries).toEqual([
      { typed: ['a', 'fib'], meaning: ['atrial', 'fibrillation'], label: 'A-Fib: Atrial Fibrillation', source: 'clinical usage', line: 2 },
      { typed: ['s', 'p'], meaning: ['status'], label: 's/p: status', source: 'guidelines', line: 4 },
      { typed: ['s', 'p'], meaning: ['presence'], label: 's/p: presence', source: 'guidelines', line: 5 },
    ]);
  });

  it('takes typed phrases of up to five words', () => {
    const [entry] = parseVocabularyTsv('open reduction internal fixation left\treposition\tsource\n', 'x.tsv');
    expect(entry?.typed).toHaveLength(5);
  });

  it('refuses a bad line, naming the file and the line', () => {
    const cases: [string, RegExp][] = [
      ['afib\tatrial fibrillation\n', /line 1 needs exactly three tab-separated columns/],
      ['# c\nok\tfine\tsrc\nafib\tatrial\tfibrillation\tsrc\n', /line 3 needs exactly three/],
      ['afib\t--\tsrc\n', /line 1 has an empty column/],
      ['afib\tatrial fibrillation\t \n', /line 1 has an empty column/],
      ['a b c d e f\tx\tsrc\n', /line 1 has more than 5 typed words/],
      ['A-Fib\tatrial fibrillation\tone\na fib\tAtrial Fibrillation\ttwo\n', /line 2 repeats an earlier entry/],
      ['\n\nfx\tFX\tsrc\n', /line 3 means itself/],
    ];
    for (const [text, reason] of cases) {
      const failure = failureOf(() => parseVocabularyTsv(text, 'shorthand.tsv'));
      expect(failure.code).toBe('BAD_INPUT');
      expect(failure.message).toMatch(/shorthand\.tsv/);
      expect(failure.message).toMatch(reason);
      expect(failure.detail).toEqual(expect.objectContaining({ file: 'shorthand.tsv' }));
    }
  });

  it('never throws anything but a clear failure on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseVocabularyTsv(text, 'x.tsv');
        } catch (e) {
          expect((e as { code?: string }).code).toBe('BAD_INPUT');
        }
      }),
    );
  });
});

describe('parseLiteralTsv', () => {
  it('reads typed<TAB>why lines as words', () => {
    expect(parseLiteralTsv('# why\nR/O\trule out\nrule out\tuncertain\n', 'literal.tsv')).toEqual([['r', 'o'], ['rule', 'out']]);
  });

  it('refuses a bad line with its number', () => {
    const failure = failureOf(() => parseLiteralTsv('r/o\twhy\nc/w\n', 'literal.tsv'));
    expect(failure.code).toBe('BAD_INPUT');
    expect(failure.message).toMatch(/literal\.tsv is not valid: line 2 needs exactly two/);
    expect(failureOf(() => parseLiteralTsv('--\twhy\n', 'literal.tsv')).message).toMatch(/line 1 has an empty column/);
  });
});
