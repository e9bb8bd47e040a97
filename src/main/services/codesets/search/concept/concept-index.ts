/**
 * The concept index of one version: for every code, the stems of every text that names it, each
 * with a weight for how directly it names the code.
 * - its own titles (long and short): 100;
 * - entry points aimed at it (Tabular inclusion terms, Index paths): 90;
 * - what its headers say, inherited down the hierarchy (ICD-10-CM convention: a category's
 *   inclusion terms and title apply to every code below it): entries 85, titles 60;
 * - Index entries aimed at a partial code (PCS "Cholecystectomy → 0FT4"): 85 on every code
 *   starting with it.
 * A query is scored against these postings (rank-concepts.ts): a code named by the words typed,
 * wherever they come from, is found even when its title says it differently.
 */
import type { EntryIndex, EntryRow } from '../entry-index';
import type { WordIndex } from '../word-index';
import { unmatchedWeight } from '../title-words';
import { PostingsBuilder, type Postings } from './postings-builder';
import { eachTerm, splitEncounter } from './terms';

/** A header ranks below the billable codes that inherit what it says. */
export const HEADER_PENALTY = 0.25;

export const Weight = { title: 100, entry: 90, inheritedEntry: 85, partialEntry: 85, inheritedTitle: 60 } as const;

/** Partial-code entries naming more codes than this are too broad to say anything about one. */
const MAX_PARTIAL_SPAN = 4000;

export class ConceptIndex {
  /** Term → id. */
  private readonly ids: Map<string, number>;
  /** Terms sorted, for prefix lookups of a word still being typed. */
  private readonly sorted: string[];
  private readonly sortedIds: Int32Array;
  private readonly start: Int32Array;
  private readonly ordinals: Int32Array;
  private readonly weights: Uint8Array;
  readonly count: number;
  /** Per code, the weight of its title's words that would count against a match (titleLength). */
  readonly titleLength: Uint8Array;
  readonly sources: EntrySources;
  /** ICD-10-CM: words in parentheses are nonessential modifiers; elsewhere they are words like any other. */
  parenthesesAreModifiers = false;

  /** Per code, its title's words as term ids [titleStart[d], titleStart[d + 1]) … */
  private readonly titleStart: Int32Array;
  private readonly titleTerms: Int32Array;
  /** … and what each weighs against a match when not typed (0: filler, a modifier, a "without" clause, the encounter part). */
  private readonly titleFree: Uint8Array;
  /**
   * What a code brings before any word matches: a header ranks below the billable codes that
   * inherit what it says, and among equals a shorter title first.
   */
  readonly prior: Float32Array;
  /** Terms the current query marked (markTerms/clearMarks), read by titleFit. */
  private readonly marks: Uint8Array;

  /** Per term, 1 when only short titles hold it (an abbreviation of a longer word). */
  private readonly abbreviation: Uint8Array;

  constructor(count: number, postings: Postings, titles: TitleTokens, sources: EntrySources, abbreviations: ReadonlySet<string> = new Set()) {
    this.count = count;
    this.titleLength = titles.length;
    this.sources = sources;
    this.ids = postings.ids;
    this.start = postings.start;
    this.ordinals = postings.ordinals;
    this.weights = postings.weights;
    const terms = postings.terms;
    this.titleStart = titles.start;
    this.titleTerms = Int32Array.from(titles.terms, (t) => this.ids.get(t) ?? -1);
    this.titleFree = Uint8Array.from(titles.free);
    this.marks = new Uint8Array(terms.length);
    this.abbreviation = Uint8Array.from(terms, (t) => (abbreviations.has(t) ? 1 : 0));
    this.prior = Float32Array.from(titles.length, (length, d) => (titles.billable[d] === 1 ? 0 : -HEADER_PENALTY) + 0.02 / (1 + length));
    const order = terms.map((t, i) => [t, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.sorted = order.map((o) => o[0]);
    this.sortedIds = Int32Array.from(order, (o) => o[1]);
  }

  termId(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** Ids of terms starting with `prefix` (at most `limit`, shortest words first is not promised). */
  prefixIds(prefix: string, limit: number): number[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let k = lo; k < this.sorted.length && found.length < limit; k++) {
      if (!(this.sorted[k] as string).startsWith(prefix)) break;
      found.push(this.sortedIds[k] as number);
    }
    return found;
  }

  /** True for a term only short titles hold ("diab"): typed, it is read as the start of longer words too. */
  isAbbreviation(id: number): boolean {
    return this.abbreviation[id] === 1;
  }

  markTerms(ids: Iterable<number>): void {
    for (const id of ids) this.marks[id] = 1;
  }

  clearMarks(ids: Iterable<number>): void {
    for (const id of ids) this.marks[id] = 0;
  }

  /**
   * Title fit of one code: the share of its title's words the marked terms explain, each word
   * not typed weighing what it says (filler words nothing, context words double).
   */
  titleFit(ordinal: number): number {
    let matched = 0;
    let total = 0;
    const end = this.titleStart[ordinal + 1] as number;
    for (let k = this.titleStart[ordinal] as number; k < end; k++) {
      const id = this.titleTerms[k] as number;
      if (id >= 0 && this.marks[id] === 1) {
        matched++;
        total++;
      } else total += this.titleFree[k] as number;
    }
    return total === 0 ? 0 : matched / total;
  }

  /** How many codes a term names. */
  df(id: number): number {
    return (this.start[id + 1] as number) - (this.start[id] as number);
  }

  /** Inverse document frequency: rare terms say more. */
  idf(id: number): number {
    return Math.log(1 + this.count / Math.max(1, this.df(id)));
  }

  /** Where the term's postings are in `postingOrdinals` / `postingWeights`: [from, to). */
  postingsOf(id: number): [number, number] {
    return [this.start[id] as number, this.start[id + 1] as number];
  }

  get postingOrdinals(): Int32Array {
    return this.ordinals;
  }

  get postingWeights(): Uint8Array {
    return this.weights;
  }

  /** The weight with which a term names one code (0 when it does not). */
  weightOf(id: number, ordinal: number): number {
    let lo = this.start[id] as number;
    let hi = this.start[id + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const o = this.ordinals[mid] as number;
      if (o === ordinal) return this.weights[mid] as number;
      if (o < ordinal) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }

  bytes(): number {
    let b = this.start.byteLength + this.ordinals.byteLength + this.weights.byteLength + this.sortedIds.byteLength;
    for (const t of this.sorted) b += 4 * t.length;
    return b;
  }
}

/** The entries behind the index, to say which one made a code match (explain-match.ts). */
export interface EntrySources {
  /** Per ordinal, the entries aimed at it. */
  entriesOf: readonly (EntryRow[] | undefined)[];
  /** Per ordinal, the ordinal of its nearest header (-1: none). */
  parentOf: Int32Array;
  /** Partial-code entries by their code. */
  partial: ReadonlyMap<string, EntryRow[]>;
}

/** Every code's title as terms, and what each untyped word weighs against a match. */
interface TitleTokens {
  billable: Uint8Array;
  start: Int32Array;
  terms: string[];
  free: number[];
  /** Σ free per code, capped at 255. */
  length: Uint8Array;
}

type Bag = Map<string, number>;
type Pairs = readonly (readonly [string, number])[];

/** Builds the concept index of a version from its word index (codes, titles) and entry index. */
export function buildConceptIndex(
  codes: WordIndex,
  entries: EntryIndex,
  parenthesesAreModifiers: boolean,
  shortTitles: readonly string[] = [],
): ConceptIndex {
  const n = codes.count;
  const { entries: joined, targets } = entries.joinedList();
  const entriesOf: (EntryRow[] | undefined)[] = new Array(n);
  joined.forEach((entry, k) => {
    const target = targets[k] as number;
    (entriesOf[target] ??= []).push(entry);
  });
  const partial = new Map<string, EntryRow[]>();
  for (const entry of entries.partialList()) {
    const list = partial.get(entry.code);
    if (list) list.push(entry);
    else partial.set(entry.code, [entry]);
  }
  // Entry texts repeat (an Index term on many codes): each is read once.
  const termsOfText = new Map<string, string[]>();
  const textTerms = (text: string): string[] => {
    let terms = termsOfText.get(text);
    if (!terms) {
      const into: string[] = [];
      eachTerm(text, (term) => void into.push(term));
      terms = into;
      termsOfText.set(text, terms);
    }
    return terms;
  };
  // What a partial code's Index entries say, once per partial code.
  const partialPairs = new Map<string, Pairs>();
  for (const [prefix, list] of partial) {
    // A 3-character PCS prefix names a root operation in a body system ("Excision, Mouth and
    // Throat"), not the body part: what an Index term says of it is too broad for one code.
    if (prefix.length < 4 || codes.codesBetween(prefix, `${prefix}~`, MAX_PARTIAL_SPAN + 1).length > MAX_PARTIAL_SPAN) continue;
    const bag: Bag = new Map();
    for (const entry of list) put(bag, textTerms(entry.term), Weight.partialEntry);
    partialPairs.set(prefix, [...bag]);
  }

  // Headers first (code order), so that each passes down what it and its own headers say.
  const ordinalOf = new Map<string, number>();
  const inherited = new Map<number, Pairs>();
  const parentOf = new Int32Array(n).fill(-1);
  const order = codes.ordinalsInCodeOrder();
  for (let k = 0; k < order.length; k++) {
    const ordinal = order[k] as number;
    const code = codes.codeAt(ordinal);
    ordinalOf.set(code, ordinal);
    const parent = parentOrdinal(code, ordinalOf);
    parentOf[ordinal] = parent;
    const next = k + 1 < order.length ? codes.codeAt(order[k + 1] as number) : '';
    if (!next.startsWith(code) || next === code) continue;
    const bag: Bag = new Map(parent >= 0 ? inherited.get(parent) : undefined);
    put(bag, textTerms(codes.longTitleAt(ordinal)), Weight.inheritedTitle);
    for (const entry of entriesOf[ordinal] ?? []) put(bag, textTerms(entry.term), Weight.inheritedEntry);
    inherited.set(ordinal, [...bag]);
  }

  const postings = new PostingsBuilder();
  const bag: Bag = new Map();
  // Terms only short titles hold are their abbreviations ("diab", "kidn"), not words of their own:
  // counted per code where nothing else gave the term, and compared with its postings at the end.
  const shortOnly = new Map<string, number>();
  const titles: TitleTokens = { billable: new Uint8Array(n), start: new Int32Array(n + 1), terms: [], free: [], length: new Uint8Array(n) };
  for (let ordinal = 0; ordinal < n; ordinal++) {
    bag.clear();
    const code = codes.codeAt(ordinal);
    titles.start[ordinal] = titles.terms.length;
    titles.billable[ordinal] = codes.isBillable(ordinal) ? 1 : 0;
    const from = titles.terms.length;
    titles.length[ordinal] = Math.min(255, addTitleTokens(titles, codes.longTitleAt(ordinal), parenthesesAreModifiers));
    for (let k = from; k < titles.terms.length; k++) bag.set(titles.terms[k] as string, Weight.title);
    for (const entry of entriesOf[ordinal] ?? []) put(bag, textTerms(entry.term), Weight.entry);
    const parent = parentOf[ordinal] as number;
    if (parent >= 0) put(bag, inherited.get(parent), 0);
    for (let len = 4; len < code.length; len++) put(bag, partialPairs.get(code.slice(0, len)), 0);
    // The short title's abbreviations ("Oth", "w/o") name the code too, less plainly than its title.
    const short = shortTitles[ordinal];
    if (short) {
      eachTerm(short, (term) => {
        if (bag.has(term)) return;
        bag.set(term, Weight.entry);
        shortOnly.set(term, (shortOnly.get(term) ?? 0) + 1);
      });
    }
    bag.forEach((w, term) => postings.add(ordinal, term, w));
  }
  titles.start[n] = titles.terms.length;
  const built = postings.finish();
  const df = (term: string) => {
    const id = built.ids.get(term) as number;
    return (built.start[id + 1] as number) - (built.start[id] as number);
  };
  const abbreviations = new Set([...shortOnly].filter(([term, count]) => df(term) === count).map(([term]) => term));
  const index = new ConceptIndex(n, built, titles, { entriesOf, parentOf, partial }, abbreviations);
  index.parenthesesAreModifiers = parenthesesAreModifiers;
  return index;
}

/** Raises each term in the bag to `weight` (pairs carry their own weight). */
function put(bag: Bag, terms: readonly string[] | Pairs | undefined, weight: number): void {
  if (!terms) return;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k] as string | readonly [string, number];
    const term = typeof t === 'string' ? t : t[0];
    const w = typeof t === 'string' ? weight : t[1];
    if ((bag.get(term) ?? 0) < w) bag.set(term, w);
  }
}

/**
 * Appends a title's words with what each weighs when not typed: nothing for filler words, words in
 * a "without" clause, ICD-10-CM nonessential modifiers (parentheses) and the encounter part (7th
 * character); double for context words (newborn, pregnancy …). Returns the title's total.
 */
function addTitleTokens(titles: TitleTokens, title: string, parenthesesAreModifiers: boolean): number {
  let total = 0;
  const [head, tail] = parenthesesAreModifiers ? splitEncounter(title) : [title, ''];
  eachTerm(head, (term, word, inParentheses, negated) => {
    const free = negated || (inParentheses && parenthesesAreModifiers) ? 0 : unmatchedWeight(word);
    titles.terms.push(term);
    titles.free.push(free);
    total += free;
  });
  eachTerm(tail, (term) => {
    titles.terms.push(term);
    titles.free.push(0);
  });
  return total;
}

function parentOrdinal(code: string, ordinalOf: Map<string, number>): number {
  for (let len = code.length - 1; len >= 3; len--) {
    const ordinal = ordinalOf.get(code.slice(0, len));
    if (ordinal !== undefined) return ordinal;
  }
  return -1;
}
