/**
 * Word search over code titles: every typed word is a word prefix, in any order ("diab kidn"
 * finds "Type 2 diabetes mellitus with diabetic chronic kidney disease").
 *
 * Why not bm25: FTS5's bm25 counts the documents of every phrase on each query, which costs
 * milliseconds on common words. Instead rowids are in a static rank order (billable first,
 * shorter titles first), FTS5 hands back the first candidates in that order and stops, and
 * the candidates are re-ranked here by how much of the title the query covers.
 */
import type { ContentDb } from '../content-db';
import { rows, values } from '../../db/rows';
import { TERMS_WITH_PREFIX_SQL, wordMatchSql, type CodeRowDb } from '../statements';

/** Typed word prefixes up to this length use the FTS5 prefix index ('1 2 3 4'). */
const PREFIX_INDEX_MAX = 4;
/** Longer prefixes are expanded into whole words (lazy OR), unless they are this common. */
const MAX_EXPANSION = 64;
const MAX_TOKENS = 8;
/** Candidates re-ranked per version (at least the limit); the static order already puts likely ones first. */
export const WORD_CANDIDATES = 60;

export interface WordHit extends CodeRowDb {
  coverage: number;
}

/** Lower-case words without diacritics, split like the unicode61 tokenizer splits titles. */
export function queryWords(query: string): string[] {
  return [...new Set(wordsOf(query))].slice(0, MAX_TOKENS);
}

/**
 * An FTS5 MATCH expression that ANDs one group per word, or null when some word matches no
 * indexed word at all. Words hold only letters and digits, so quoting them is safe.
 */
export function matchExpression(db: ContentDb, versionId: number, words: readonly string[]): string | null {
  if (words.length === 0) return null;
  const groups: string[] = [];
  for (const word of words) {
    const group = wordGroup(db, versionId, word);
    if (group === null) return null;
    groups.push(group);
  }
  return groups.join(' AND ');
}

/** The FTS5 group for one typed word (a prefix query or an OR of whole words), or null when no indexed word starts with it. */
export function wordGroup(db: ContentDb, versionId: number, word: string): string | null {
  if (word.length <= PREFIX_INDEX_MAX) return `"${word}"*`;
  const terms = values<string>(db, TERMS_WITH_PREFIX_SQL, versionId, word, `${word}\uffff`, MAX_EXPANSION + 1);
  if (terms.length === 0) return null;
  // An OR of whole words is read lazily; a long prefix query would be read whole.
  return terms.length > MAX_EXPANSION ? `"${word}"*` : `(${terms.map((t) => `"${t}"`).join(' OR ')})`;
}

/**
 * Title words that do not count against a match when nobody typed them: small words, and the
 * words of the default code's title ("Chronic kidney disease, unspecified" is what a coder
 * typing "chronic kidney disease" wants).
 */
const FILLER_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'due', 'for', 'in', 'of', 'on', 'or', 'the', 'to',
  'unspecified', 'nos', 'without', 'complications', 'organism', 'site',
]);

/**
 * Title words that narrow a code to a population or a circumstance (newborn, pregnancy,
 * history, sequela …): when nobody typed them, the code is probably not the one meant, so
 * they weigh double against the match.
 */
const CONTEXT_WORDS: ReadonlySet<string> = new Set([
  'neonatal', 'newborn', 'perinatal', 'fetus', 'fetal', 'pregnancy', 'childbirth', 'puerperium', 'trimester',
  'antepartum', 'postpartum', 'history', 'screening', 'sequela', 'following', 'postprocedural', 'complicating',
  'congenital', 'maternal', 'stoma', 'transplant',
]);
/** What an untyped title word outside parentheses weighs against a match: 0 filler, 2 context, else 1. */
export function unmatchedWeight(word: string): number {
  return FILLER_WORDS.has(word) ? 0 : CONTEXT_WORDS.has(word) ? 2 : 1;
}

/** Share of the title's words (filler words not counted unless matched) that start with one of the query words (0..1). */
export function titleCoverage(title: string, words: readonly string[]): number {
  if (!isPlainAscii(title)) {
    const titleWords = wordsOf(title);
    const isMatched = (t: string) => words.some((w) => t.startsWith(w));
    const matched = titleWords.filter(isMatched).length;
    const total = titleWords.filter((t) => isMatched(t) || !FILLER_WORDS.has(t)).length;
    return total === 0 ? 0 : matched / total;
  }
  // Hot path (every candidate of every keystroke): the words are visited, not allocated.
  let total = 0;
  let matched = 0;
  eachTitleWord(title, (text, start, end, inParentheses) => {
    if (words.some((w) => w.length <= end - start && text.startsWith(w, start))) {
      matched++;
      total++;
    } else if (!inParentheses) {
      // Words in parentheses are nonessential modifiers (ICD-10-CM convention): they never count against a match.
      total += unmatchedWeight(text.slice(start, end));
    }
  });
  return total === 0 ? 0 : matched / total;
}

export function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** a-z or 0-9 as a char code (titles are lower-cased first). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** A word at text[start, end), lower case, and whether it sits inside parentheses (plain-ASCII text only; false otherwise). */
export type WordVisitor = (text: string, start: number, end: number, inParentheses: boolean) => void;

/**
 * THE title tokenizer, for queries, ranking and the word index alike: lower case, split on
 * anything but letters and digits; text beyond plain ASCII also loses its diacritics (as
 * the FTS5 unicode61 tokenizer with remove_diacritics does). Plain ASCII (nearly every
 * title) is walked in place without allocating the words.
 */
export function eachTitleWord(title: string, visit: WordVisitor): void {
  if (!isPlainAscii(title)) {
    const folded = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (const word of folded.split(/[^\p{L}\p{N}]+/u)) if (word !== '') visit(word, 0, word.length, false);
    return;
  }
  const text = title.toLowerCase();
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isAsciiWordChar(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (c === 40) depth++;
      else if (c === 41 && depth > 0) depth--;
      i++;
    }
    const start = i;
    while (i < text.length && isAsciiWordChar(text.charCodeAt(i))) i++;
    if (i > start) visit(text, start, i, depth > 0);
  }
}

export function wordsOf(text: string): string[] {
  const words: string[] = [];
  eachTitleWord(text, (t, start, end) => void words.push(t.slice(start, end)));
  return words;
}

/**
 * Word matches in one version through its FTS5 table, best first: billable, then coverage,
 * then static rank. Searches read the in-memory index instead (search/word-index.ts), which
 * is tested to return exactly this; this stays as the reference and for callers without one.
 */
export function searchWords(db: ContentDb, versionId: number, words: readonly string[], limit: number): WordHit[] {
  const expression = matchExpression(db, versionId, words);
  if (expression === null) return [];
  return searchMatch(db, versionId, expression, words, limit);
}

/** Matches of a ready FTS5 expression, ranked by how much of each title `words` cover. */
export function searchMatch(
  db: ContentDb,
  versionId: number,
  expression: string,
  words: readonly string[],
  limit: number,
): WordHit[] {
  const candidates = Math.max(WORD_CANDIDATES, limit);
  return rows<CodeRowDb>(db, wordMatchSql(versionId), expression, candidates)
    .map((row) => ({ ...row, coverage: titleCoverage(row.long_title, words) }))
    .sort(compareWordHits);
}

export function compareWordHits(a: WordHit, b: WordHit): number {
  return b.billable - a.billable || b.coverage - a.coverage || a.id - b.id;
}
