/**
 * Word-search candidates from every path (titles, synonyms, entry points, typo corrections,
 * partial matches), merged per code and ranked the way a coder reads a result list:
 * strong matches (every typed word found) before weak ones (typo-corrected, partial); within
 * them billable codes before headers; then how well the match fits what was typed.
 */
import type { CodeHit, CodeSystem } from '../../../../shared/domain';
import type { CodeRowDb } from '../statements';

/** How a candidate matched; higher is better. */
export const Quality = {
  /** Some typed words missing from the title (tried only when little else matched). */
  partial: 0,
  /** Found after correcting a typed word. */
  typo: 1,
  /** Every typed word found (title, synonym meaning or entry point). */
  allWords: 3,
  /** Every typed word found and the title or entry point is little more than them. */
  exact: 4,
} as const;
export type Quality = (typeof Quality)[keyof typeof Quality];

const STRONG = Quality.allWords;

export interface Candidate {
  system: CodeSystem;
  row: CodeRowDb;
  quality: Quality;
  /** Share of the title or entry point the typed words cover (0..1). */
  coverage: number;
  matchedBy?: NonNullable<CodeHit['matchedBy']>;
}

/** Coverage at or above this counts as "the title is what was typed". */
const EXACT_COVERAGE = 0.999;

export function qualityOf(coverage: number): Quality {
  return coverage >= EXACT_COVERAGE ? Quality.exact : Quality.allWords;
}

export function isStrong(c: Candidate): boolean {
  return c.quality >= STRONG;
}

export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    Number(isStrong(b)) - Number(isStrong(a)) ||
    b.row.billable - a.row.billable ||
    b.quality - a.quality ||
    b.coverage - a.coverage ||
    // A plain title match reads better than the same fit reached through another path.
    Number(a.matchedBy !== undefined) - Number(b.matchedBy !== undefined) ||
    a.row.id - b.row.id
  );
}

/**
 * Keeps the best candidate per code. Keyed by row id: a search covers one version per system
 * and a version has one row per code, so the id names the code (without building a string key
 * per candidate).
 */
export class CandidateSet {
  private readonly byCode = new Map<number, Candidate>();

  add(candidate: Candidate): void {
    const key = candidate.row.id;
    const current = this.byCode.get(key);
    if (!current || compareCandidates(candidate, current) < 0) this.byCode.set(key, candidate);
  }

  get size(): number {
    return this.byCode.size;
  }

  ranked(): Candidate[] {
    return [...this.byCode.values()].sort(compareCandidates);
  }
}
