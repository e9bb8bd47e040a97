/**
 * Words of index terms and of table-search queries, split the same way on both sides:
 * lower case, diacritics dropped, apostrophes dropped ("Addison's" -> "addisons", so a
 * query "addison" still prefixes it), everything else that is not a letter or digit splits.
 */

/** Queries use at most this many words (more only slows the search down). */
export const MAX_QUERY_WORDS = 8;

export function indexWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The distinct words of a query, in typed order, at most MAX_QUERY_WORDS. */
export function queryIndexWords(query: string): string[] {
  return [...new Set(indexWords(query))].slice(0, MAX_QUERY_WORDS);
}
