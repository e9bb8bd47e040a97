/**
 * Operation names built from Greek and Latin parts, read as ICD-10-PCS axes: the suffix names
 * the root operation ("-ectomy" → Excision / Resection), each combining form a body part
 * ("cholecyst-" → Gallbladder). "cholecystectomy" → resection gallbladder; "gastrojejunostomy"
 * → bypass stomach jejunum; "salpingo-oophorectomy" (two words once split) → resection
 * fallopian tube / resection ovary.
 */
import type { RootEntry } from './procedure-tsv';

/** A word read as combining forms plus a suffix. */
export interface WordParts {
  suffix: string;
  forms: string[];
}

/** Words read so far (per keystroke the same words come back); cleared when it grows past this. */
const CACHE_LIMIT = 4096;
/** The vowel that joins combining forms ("arthr-o-scopy", "gastr-o-jejun-o-stomy"). */
const LINKING_VOWEL = 'o';
/**
 * A stem may end in a form whose last letters the suffix begins with ("thora(c)-centesis"): at
 * least this many letters of the form must remain.
 */
const MIN_CLIPPED = 4;

export class WordFormation {
  private readonly suffixes: string[];
  private readonly forms: string[];
  private readonly prefixes: string[];
  private readonly meanings = new Map<string, RootEntry[]>();
  private readonly partsCache = new Map<string, WordParts | null>();
  private readonly formsCache = new Map<string, string[] | null>();

  constructor(entries: readonly RootEntry[]) {
    for (const entry of entries) {
      const key = `${entry.kind}:${entry.form}`;
      this.meanings.set(key, [...(this.meanings.get(key) ?? []), entry]);
    }
    const longestFirst = (kind: RootEntry['kind']) =>
      [...new Set(entries.filter((e) => e.kind === kind).map((e) => e.form))].sort((a, b) => b.length - a.length);
    this.suffixes = longestFirst('suffix');
    this.forms = longestFirst('form');
    this.prefixes = longestFirst('prefix');
  }

  /**
   * The parts of an operation word, or null when it is not one: the longest suffix that leaves a
   * readable stem, read whole or after a prefix that changes no axis ("hemi-colectomy").
   */
  partsOf(word: string): WordParts | null {
    return remembered(this.partsCache, word, () => this.readParts(word));
  }

  /** A stem read wholly as combining forms ("salpingo" → [salping]), or null. */
  formsOf(stem: string): string[] | null {
    return remembered(this.formsCache, stem, () => this.readForms(stem, 0, [], ''));
  }

  meaningsOf(kind: RootEntry['kind'], form: string): readonly RootEntry[] {
    return this.meanings.get(`${kind}:${form}`) ?? [];
  }

  private readParts(word: string): WordParts | null {
    for (const suffix of this.suffixes) {
      if (!word.endsWith(suffix) || word.length === suffix.length) continue;
      const stem = word.slice(0, word.length - suffix.length);
      const forms =
        this.readForms(stem, 0, [], suffix) ??
        this.prefixes.reduce<string[] | null>((found, p) => found ?? (stem.startsWith(p) ? this.readForms(stem, p.length, [], suffix) : null), null);
      if (forms) return { suffix, forms };
    }
    return null;
  }

  /** Longest forms first, backtracking; a linking vowel may follow a form. */
  private readForms(stem: string, at: number, found: string[], suffix: string): string[] | null {
    if (at === stem.length) return found.length > 0 ? found : null;
    for (const form of this.forms) {
      if (!stem.startsWith(form, at)) continue;
      const next = [...found, form];
      const whole = this.readForms(stem, at + form.length, next, suffix);
      if (whole) return whole;
      if (stem[at + form.length] === LINKING_VOWEL) {
        const linked = this.readForms(stem, at + form.length + 1, next, suffix);
        if (linked) return linked;
      }
    }
    const rest = stem.slice(at);
    if (rest.length >= MIN_CLIPPED) {
      const clipped = this.forms.find(
        (form) => form.length > rest.length && form.startsWith(rest) && suffix.startsWith(form.slice(rest.length)),
      );
      if (clipped) return [...found, clipped];
    }
    return null;
  }
}

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}
