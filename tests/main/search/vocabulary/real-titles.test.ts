/**
 * Every meaning in the bundled vocabulary uses the words of official FY2026 titles (ICD-10-CM,
 * ICD-10-PCS) or of the HCPCS Level II file: a meaning no title says is useless to the search,
 * and this keeps the lists honest as they grow. Drug meanings must be HCPCS title words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSynonyms } from '../../../../src/main/services/codesets/search/synonyms';
import { wordsOf } from '../../../../src/main/services/codesets/search/title-words';
import { VOCABULARY_FILES } from '../../../../src/main/services/codesets/search/vocabulary/bundled';
import { parseVocabularyTsv } from '../../../../src/main/services/codesets/search/vocabulary/tsv';
import { hcpcsViaLibrary } from '../../helpers/read-excel';
import { CODESETS, RESOURCES } from '../../helpers/temp';
import { CM_ORDER, PCS_ORDER, requireRealFiles } from '../real-files';

const HCPCS = path.join(CODESETS, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx');
const DIR = path.join(RESOURCES, 'search', 'vocabulary');
/** Files whose meanings must be HCPCS title words (brand → generic drug names). */
const HCPCS_ONLY = new Set(['drugs.tsv']);

/** Title words of each title, and the titles (by index) holding each word. */
interface Titles {
  words: Set<string>[];
  byWord: Map<string, number[]>;
}

function titlesOf(texts: readonly string[]): Titles {
  const words = texts.map((t) => new Set(wordsOf(t)));
  const byWord = new Map<string, number[]>();
  words.forEach((set, i) => {
    for (const word of set) {
      const list = byWord.get(word) ?? [];
      list.push(i);
      byWord.set(word, list);
    }
  });
  return { words, byWord };
}

/** Long titles of an order file (columns 78 on). */
function orderTitles(file: string): string[] {
  return fs
    .readFileSync(file, 'latin1')
    .split(/\r?\n/)
    .filter((line) => line.length > 77)
    .map((line) => line.slice(77).trim());
}

/** True when one title holds every word of the meaning. */
function oneTitleHolds(titles: Titles, meaning: readonly string[]): boolean {
  const lists = meaning.map((w) => titles.byWord.get(w) ?? []).sort((a, b) => a.length - b.length);
  return (lists[0] ?? []).some((i) => meaning.every((w) => titles.words[i]?.has(w)));
}

let all: Titles;
let hcpcs: Titles;

beforeAll(async () => {
  requireRealFiles();
  const hcpcsTitles = (await hcpcsViaLibrary(HCPCS, fs.readFileSync(HCPCS))).map((r) => r.record.longTitle);
  expect(hcpcsTitles.length).toBeGreaterThan(5000);
  hcpcs = titlesOf(hcpcsTitles);
  all = titlesOf([...orderTitles(CM_ORDER), ...orderTitles(PCS_ORDER), ...hcpcsTitles]);
}, 120_000);

describe('the vocabulary against the FY2026 titles', () => {
  it('uses only title words in every meaning of every file, and each meaning is said by one title', () => {
    const missingWords: string[] = [];
    const noTitle: string[] = [];
    for (const file of VOCABULARY_FILES as readonly string[]) {
      const titles = HCPCS_ONLY.has(file) ? hcpcs : all;
      for (const entry of parseVocabularyTsv(fs.readFileSync(path.join(DIR, file), 'utf8'), file)) {
        const missing = entry.meaning.filter((w) => !titles.byWord.has(w));
        if (missing.length > 0) missingWords.push(`${file}:${entry.line} ${entry.label} (${missing.join(', ')})`);
        else if (!oneTitleHolds(titles, entry.meaning)) noTitle.push(`${file}:${entry.line} ${entry.label}`);
      }
    }
    expect(missingWords).toEqual([]);
    expect(noTitle).toEqual([]);
  });

  it('uses only title words in the older synonym list too', () => {
    const table = parseSynonyms(fs.readFileSync(path.join(RESOURCES, 'search', 'synonyms.tsv'), 'utf8'));
    const missing: string[] = [];
    for (const list of table.byFirstWord.values()) {
      for (const s of list) if (s.meaning.some((w) => !all.byWord.has(w))) missing.push(s.label);
    }
    expect(missing).toEqual([]);
  });

  it('is a real check: a meaning no title says is caught', () => {
    expect(all.byWord.has('fibrillation')).toBe(true);
    expect(all.byWord.has('rvr')).toBe(false);
    expect(oneTitleHolds(all, ['rapid', 'ventricular', 'response'])).toBe(false);
    expect(oneTitleHolds(all, ['atrial', 'fibrillation'])).toBe(true);
  });
});
