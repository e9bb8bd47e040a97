/**
 * The drug vocabulary (resources/search/vocabulary/drugs.tsv) against the real October 2025 HCPCS
 * workbook: every row is a brand, its meaning in HCPCS title words and a cited FDA label, and every
 * meaning names a drug that some HCPCS code in force is titled by (a brand without a code cannot
 * help a coder, so it does not belong in the table).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { wordsOf } from '../../../../src/main/services/codesets/search/title-words';
import { hcpcsViaLibrary } from '../../helpers/read-excel';
import { CODESETS, RESOURCES } from '../../helpers/temp';

const TABLE = path.join(RESOURCES, 'search', 'vocabulary', 'drugs.tsv');
const HCPCS_FILE = path.join(CODESETS, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx');
/** The table promises broad coverage of office, infusion, ED and outpatient drugs. */
const MIN_BRANDS = 250;

interface Row {
  line: number;
  typed: string;
  meaning: string;
  source: string;
}

/** Rows of the table (comment and blank lines skipped), split on tabs but not otherwise checked. */
function tableLines(): { line: number; cells: string[] }[] {
  return fs
    .readFileSync(TABLE, 'utf8')
    .split(/\r?\n/)
    .map((text, i) => ({ line: i + 1, text }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'))
    .map(({ line, text }) => ({ line, cells: text.split('\t') }));
}

function rows(): Row[] {
  return tableLines().map(({ line, cells }) => ({ line, typed: cells[0] ?? '', meaning: cells[1] ?? '', source: cells[2] ?? '' }));
}

describe('the drug vocabulary table', () => {
  it('has three tab-separated, trimmed, non-empty columns on every row', () => {
    const wrong = tableLines()
      .filter(({ cells }) => cells.length !== 3 || cells.some((c) => c.trim() === '' || c !== c.trim()))
      .map(({ line }) => line);
    expect(wrong).toEqual([]);
  });

  it('types brands in lower case and cites an FDA label for each', () => {
    const wrong = rows().filter((r) => r.typed !== r.typed.toLowerCase() || !/^FDA label: \S.*\(.+\)/.test(r.source));
    expect(wrong.map((r) => r.line)).toEqual([]);
  });

  it('gives each typed brand words and a meaning of other words, with no repeated pair', () => {
    const seen = new Set<string>();
    const repeated: number[] = [];
    for (const r of rows()) {
      const typed = wordsOf(r.typed).join(' ');
      const meaning = wordsOf(r.meaning).join(' ');
      expect(typed, `line ${r.line}`).not.toBe('');
      expect(meaning, `line ${r.line}`).not.toBe('');
      expect(meaning, `line ${r.line}`).not.toBe(typed);
      const key = `${typed}\t${meaning}`;
      if (seen.has(key)) repeated.push(r.line);
      seen.add(key);
    }
    expect(repeated).toEqual([]);
  });

  it(`covers at least ${MIN_BRANDS} brands`, () => {
    expect(new Set(rows().map((r) => wordsOf(r.typed).join(' '))).size).toBeGreaterThanOrEqual(MIN_BRANDS);
  });

  it('keeps distinct meanings apart: Depo-Medrol is the acetate, Solu-Medrol the sodium succinate', () => {
    const meaningsOf = (typed: string) => rows().filter((r) => r.typed === typed).map((r) => r.meaning);
    expect(meaningsOf('depo-medrol')).toEqual(['methylprednisolone acetate']);
    expect(meaningsOf('solu-medrol')).toEqual(['methylprednisolone sodium succinate']);
    expect(meaningsOf('toradol')).toEqual(['ketorolac tromethamine']);
  });

  describe('against the October 2025 HCPCS titles', () => {
    let titles: Set<string>[] = [];

    beforeAll(async () => {
      expect(fs.existsSync(HCPCS_FILE), `missing ${HCPCS_FILE}`).toBe(true);
      titles = (await hcpcsViaLibrary(HCPCS_FILE, fs.readFileSync(HCPCS_FILE)))
        .map(({ record }) => record)
        .filter((r) => r.kind === 'code' && r.terminatedOn === null)
        .map((r) => new Set(wordsOf(r.longTitle)));
    }, 120_000);

    it('reads the titles of the codes in force', () => {
      expect(titles.length).toBeGreaterThan(5000);
    });

    it('finds every meaning, all its words together, in the title of a code in force', () => {
      const named = (words: string[]) => titles.some((title) => words.every((w) => title.has(w)));
      const missing = rows()
        .filter((r) => !named(wordsOf(r.meaning)))
        .map((r) => `${r.line}: ${r.typed} → ${r.meaning}`);
      expect(missing).toEqual([]);
    });
  });
});
