import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledSynonyms, expandSynonyms, parseSynonyms } from '../../../src/main/services/codesets/search/synonyms';
import { failureOf } from '../codesets/helpers';
import { RESOURCES } from '../helpers/temp';

const words = (e: { words: string[] }[]) => e.map((x) => x.words.join(' '));

describe('parseSynonyms', () => {
  it('reads typed<TAB>meaning lines, skipping comments and blank lines, any line ending', () => {
    const table = parseSynonyms('\uFEFF# comment\r\nafib\tatrial fibrillation\r\n\nA-Fib\tatrial fibrillation\nmi\tmyocardial infarction\n');
    expect(table.size).toBe(3);
    expect(words(expandSynonyms(table, ['afib']))).toEqual(['atrial fibrillation']);
    expect(words(expandSynonyms(table, ['a', 'fib', 'rvr']))).toEqual(['atrial fibrillation rvr']);
    expect(expandSynonyms(table, ['a', 'fib'])[0]?.synonym.label).toBe('A-Fib: atrial fibrillation');
  });

  it('replaces the longest phrase at a position and keeps the other words', () => {
    const table = parseSynonyms('broken\tfracture\nbroken hip\tfracture neck femur\nhx\thistory\n');
    expect(words(expandSynonyms(table, ['broken', 'hip', 'left']))).toEqual(['fracture neck femur left']);
    expect(words(expandSynonyms(table, ['broken', 'arm']))).toEqual(['fracture arm']);
    expect(words(expandSynonyms(table, ['hx', 'broken', 'hip']))).toEqual(['history broken hip', 'hx fracture neck femur']);
    expect(expandSynonyms(table, ['femur'])).toEqual([]);
  });

  it('allows several meanings for one typed word', () => {
    const table = parseSynonyms('pe\tpulmonary embolism\npe\tpleural effusion\n');
    expect(words(expandSynonyms(table, ['pe']))).toEqual(['pulmonary embolism', 'pleural effusion']);
  });

  it('refuses a bad line with its line number and no content', () => {
    const cases: [string, RegExp][] = [
      ['afib\n', /line 1 needs exactly two tab-separated columns/],
      ['ok\tfine\nafib\tatrial\tfibrillation\n', /line 2 needs exactly two/],
      ['\t\tx\n', /line 1 needs exactly two/],
      ['afib\t--\n', /line 1 has an empty column/],
      ['a b c d e\tx\n', /line 1 has more than 4 typed words/],
      ['A-Fib\tatrial fibrillation\na fib\tAtrial Fibrillation\n', /line 2 repeats an earlier entry/],
      ['fx\tFX\n', /line 1 means itself/],
    ];
    for (const [text, reason] of cases) {
      const failure = failureOf(() => parseSynonyms(text, 'list.tsv'));
      expect(failure.code).toBe('BAD_INPUT');
      expect(failure.message).toMatch(reason);
      expect(failure.detail).toEqual(expect.objectContaining({ file: 'list.tsv' }));
    }
  });

  it('never throws anything but a clear failure on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseSynonyms(text);
        } catch (e) {
          expect((e as { code?: string }).code).toBe('BAD_INPUT');
        }
      }),
    );
  });
});

describe('the bundled synonym list', () => {
  it('parses, has at least 100 entries and covers the abbreviations coders type', () => {
    const table = parseSynonyms(fs.readFileSync(path.join(RESOURCES, 'search', 'synonyms.tsv'), 'utf8'));
    expect(table.size).toBeGreaterThanOrEqual(100);
    const typed = ['afib', 'chf', 'copd', 'cad', 'uti', 'aki', 'gerd', 'osa', 'dm2', 't2dm', 'htn', 'tia', 'cva', 'nstemi',
      'stemi', 'mi', 'pe', 'dvt', 'ckd', 'esrd', 'bph', 'pna', 'sob', 'fx', 'appy', 'cabg', 'tka', 'tha', 'egd'];
    for (const t of typed) expect(expandSynonyms(table, [t]).length, t).toBeGreaterThan(0);
    expect(expandSynonyms(table, ['n', 'v']).length).toBeGreaterThan(0);
    expect(expandSynonyms(table, ['lap', 'chole']).length).toBeGreaterThan(0);
    expect(bundledSynonyms().size).toBe(table.size);
  });
});
