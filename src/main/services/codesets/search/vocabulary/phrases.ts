/**
 * The coder's vocabulary as the concept search reads it: sources that know what a run of typed
 * words means in the words of official titles ("afib" → "atrial fibrillation", "lt" → "left",
 * "depo medrol" → "methylprednisolone acetate", "chole" → "gallbladder"). Every reading names
 * where it came from, so a coder (and a reviewer) can see why a code was offered.
 */

/** One meaning of a typed phrase, in title words (lower case, as `wordsOf` splits them). */
export interface Reading {
  words: readonly string[];
  /** How to show the match: "afib: atrial fibrillation". */
  label: string;
  /** Where the entry came from: a file and its cited public source ("shorthand.tsv: clinical usage"). */
  source: string;
}

/** A phrase found at a position of the typed words: how many words it spans, and its meanings. */
export interface PhraseMatch {
  length: number;
  readings: readonly Reading[];
}

export interface PhraseSource {
  readonly name: string;
  /** Phrases that start at `tokens[at]` (tokens as `wordsOf` gives them), longest first. */
  phrasesAt(tokens: readonly string[], at: number): PhraseMatch[];
}

/** Several sources read as one: their phrases at a position, merged by length, longest first. */
export function combinedSource(name: string, sources: readonly PhraseSource[]): PhraseSource {
  return {
    name,
    phrasesAt(tokens, at) {
      const byLength = new Map<number, Reading[]>();
      for (const source of sources) {
        for (const match of source.phrasesAt(tokens, at)) {
          const list = byLength.get(match.length) ?? [];
          list.push(...match.readings);
          byLength.set(match.length, list);
        }
      }
      return [...byLength.entries()].sort((a, b) => b[0] - a[0]).map(([length, readings]) => ({ length, readings }));
    },
  };
}
