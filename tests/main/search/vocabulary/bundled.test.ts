/** The vocabulary shipped in resources/search/vocabulary, read the way the app reads it. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../../src/main/services/codesets/search/title-words';
import {
  bundledVocabulary,
  LITERAL_FILE,
  VOCABULARY_FILES, PROCEDURE_FILES,
  vocabularyFrom,
} from '../../../../src/main/services/codesets/search/vocabulary/bundled';
import { parseVocabularyTsv } from '../../../../src/main/services/codesets/search/vocabulary/tsv';
import { failureOf } from '../../codesets/helpers';
import { RESOURCES, tempDir } from '../../helpers/temp';

const DIR = path.join(RESOURCES, 'search', 'vocabulary');
const vocabulary = bundledVocabulary();

/** The meanings of the longest phrase at the start of the typed text. */
function meanings(typed: string): string[] {
  const [longest] = vocabulary.phrasesAt(wordsOf(typed), 0);
  return longest?.readings.map((r) => r.words.join(' ')) ?? [];
}

describe('the bundled vocabulary', () => {
  it('holds every .tsv file of its folder (none is silently left out) and documents each in a README', () => {
    const onDisk = fs.readdirSync(DIR).filter((f) => f.endsWith('.tsv')).sort();
    expect(onDisk).toEqual([...VOCABULARY_FILES, ...PROCEDURE_FILES, LITERAL_FILE].sort());
    const readmes = fs
      .readdirSync(DIR)
      .filter((f) => /^README.*\.md$/.test(f))
      .map((f) => fs.readFileSync(path.join(DIR, f), 'utf8'))
      .join('\n');
    for (const file of onDisk) expect(readmes, file).toMatch(new RegExp(`#+ .*${file.replace('.', '\\.')}`));
  });

  it('has a general shorthand list of 300+ lines and 100+ lay terms, every line citing a source', () => {
    const count = (file: string) => parseVocabularyTsv(fs.readFileSync(path.join(DIR, file), 'utf8'), file).length;
    expect(count('shorthand.tsv')).toBeGreaterThanOrEqual(300);
    expect(count('lay.tsv')).toBeGreaterThanOrEqual(100);
  });

  it('reads chart shorthand in title words', () => {
    expect(meanings('afib')).toContain('atrial fibrillation');
    expect(meanings('CAP')).toContain('pneumonia');
    expect(meanings('s/p')).toEqual(expect.arrayContaining(['status', 'presence']));
    expect(meanings('h/o')).toContain('personal history');
    expect(meanings('2/2')).toContain('due to');
    expect(meanings('w/o')).toContain('without');
    expect(meanings('N/V')).toContain('nausea with vomiting');
  });

  it('reads laterality, encounter and fracture words as titles spell them', () => {
    for (const typed of ['L', 'lt']) expect(meanings(typed), typed).toContain('left');
    for (const typed of ['R', 'rt', 'rght']) expect(meanings(typed), typed).toContain('right');
    for (const typed of ['b/l', 'bilat']) expect(meanings(typed), typed).toContain('bilateral');
    expect(meanings('LUE')).toEqual(expect.arrayContaining(['left upper limb', 'left upper extremity']));
    expect(meanings('init')).toContain('initial encounter');
    expect(meanings('f/u')).toContain('subsequent encounter');
    expect(meanings('late effect')).toContain('sequela');
    expect(meanings('non-union')).toContain('nonunion');
    expect(meanings('non-displaced')).toContain('nondisplaced');
  });

  it('reads lay words and irregular forms', () => {
    expect(meanings('heart attack')).toContain('myocardial infarction');
    expect(meanings('pink eye')).toContain('conjunctivitis');
    expect(meanings('broken')).toContain('fracture');
    expect(meanings('fell')).toContain('fall');
    expect(meanings('teeth')).toContain('tooth');
    expect(meanings('haemorrhage')).toContain('hemorrhage');
  });

  it('keeps the older synonym list, named as such, and lists a meaning both give once', () => {
    const lapChole = vocabulary.phrasesAt(['lap', 'chole'], 0)[0];
    expect(lapChole?.readings.map((r) => r.source)).toContain('synonyms.tsv (CodeDesk list)');
    const afib = vocabulary.phrasesAt(['afib'], 0)[0]?.readings.filter((r) => r.words.join(' ') === 'atrial fibrillation');
    expect(afib?.map((r) => r.source)).toEqual(['shorthand.tsv: clinical usage (common chart abbreviation)']);
  });

  it('never expands "rule out", and never reads the r of r/o as right', () => {
    expect(vocabulary.phrasesAt(wordsOf('r/o pneumonia'), 0)).toEqual([]);
    expect(vocabulary.phrasesAt(wordsOf('r/o pneumonia'), 1)).toEqual([]);
    expect(vocabulary.phrasesAt(wordsOf('c/w pneumonia'), 1)).toEqual([]);
  });

  it('is read once', () => {
    expect(bundledVocabulary()).toBe(vocabulary);
  });

  it('refuses a folder with a file missing as an installation fault naming the file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LITERAL_FILE), '');
    const failure = failureOf(() => vocabularyFrom(dir));
    expect(failure.code).toBe('INTERNAL');
    expect(failure.detail).toEqual({ file: 'search/vocabulary/shorthand.tsv' });
  });
});
