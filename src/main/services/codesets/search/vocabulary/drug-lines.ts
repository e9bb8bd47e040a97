/**
 * drugs.tsv from a public brand → generic list (RxNorm- or FDA-label-derived): the lines whose
 * generic name HCPCS drug titles use, so every line can find a J code. The list itself and its
 * citation come from outside; this only selects and formats, the same way every time.
 */
import { wordsOf } from '../title-words';
import { MAX_TYPED_WORDS } from './tsv';

export interface BrandGeneric {
  brand: string;
  generic: string;
}

/** `brand<TAB>generic<TAB>source` lines, sorted, one per distinct pair, generic words all in HCPCS titles. */
export function drugLines(pairs: Iterable<BrandGeneric>, hcpcsWords: ReadonlySet<string>, source: string): string[] {
  const lines = new Map<string, string>();
  for (const { brand, generic } of pairs) {
    const typed = wordsOf(brand);
    const meaning = wordsOf(generic);
    if (typed.length === 0 || typed.length > MAX_TYPED_WORDS || meaning.length === 0) continue;
    if (typed.join(' ') === meaning.join(' ')) continue;
    if (!meaning.every((w) => hcpcsWords.has(w))) continue;
    const key = `${typed.join(' ')}\t${meaning.join(' ')}`;
    if (!lines.has(key)) lines.set(key, `${typed.join(' ')}\t${meaning.join(' ')}\t${source.replace(/[\t\r\n]+/g, ' ')}`);
  }
  return [...lines.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, line]) => line);
}
