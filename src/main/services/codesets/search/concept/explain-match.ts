/**
 * Why one code matched: how well each slot matched it (for the words a hit ignored), and which entry point
 * named it when its title does not say what was typed (an inclusion term, an Index path).
 */
import type { CodeHit } from '../../../../../shared/domain';
import type { EntryRow } from '../entry-index';
import type { ConceptIndex } from './concept-index';
import type { Alternative, ResolvedSlot } from './resolve-slots';
import { termsOf } from './terms';

/** match(slot, code) as score-version.ts computes it, for one code. */
export function slotMatch(index: ConceptIndex, slot: ResolvedSlot, ordinal: number): { value: number; label: Alternative | null } {
  let best = 0;
  let label: Alternative | null = null;
  for (const alt of slot.alternatives) {
    let den = 0;
    let num = 0;
    for (const g of alt.groups) {
      den += g.idf;
      let w = 0;
      g.ids.forEach((id, j) => {
        w = Math.max(w, (index.weightOf(id, ordinal) / 100) * (g.factors[j] as number));
      });
      num += g.idf * w;
    }
    const value = den === 0 ? 0 : (alt.factor * num) / den;
    if (value > best) {
      best = value;
      label = alt.label === null ? null : alt;
    }
  }
  return { value: best, label };
}

type Explanation = NonNullable<CodeHit['matchedBy']>;

/** An entry's terms, read once: the same entries explain hits on every keystroke. */
const termsOfEntry = new WeakMap<EntryRow, string[]>();
function entryTerms(entry: EntryRow): string[] {
  let terms = termsOfEntry.get(entry);
  if (!terms) {
    terms = termsOf(entry.term);
    termsOfEntry.set(entry, terms);
  }
  return terms;
}

/** The first entry point (own, a header's, a partial code's) holding one of `terms` that the title lacks. */
export function entryThatNamed(
  index: ConceptIndex,
  ordinal: number,
  code: string,
  title: string,
  terms: readonly string[],
  prefixes: readonly string[],
): Explanation | undefined {
  const inTitle = termsOf(title);
  const has = (own: readonly string[], t: string) => own.includes(t);
  const starts = (own: readonly string[], p: string) => own.some((o) => o.startsWith(p));
  const wanted = terms.filter((t) => !has(inTitle, t));
  const wantedPrefixes = prefixes.filter((p) => !starts(inTitle, p));
  if (wanted.length === 0 && wantedPrefixes.length === 0) return undefined;
  const holds = (entry: EntryRow) => {
    const own = entryTerms(entry);
    return wanted.some((t) => has(own, t)) || wantedPrefixes.some((p) => starts(own, p));
  };
  const { entriesOf, parentOf, partial } = index.sources;
  for (let at = ordinal; at >= 0; at = parentOf[at] as number) {
    const found = entriesOf[at]?.find(holds);
    if (found) return explanation(found);
  }
  for (let len = code.length - 1; len >= 3; len--) {
    const found = partial.get(code.slice(0, len))?.find(holds);
    if (found) return explanation(found);
  }
  return undefined;
}

function explanation(entry: EntryRow): Explanation {
  const kind = entry.kind === 'inclusion' || entry.kind === 'synonym' ? entry.kind : 'index';
  return { kind, text: entry.path };
}
