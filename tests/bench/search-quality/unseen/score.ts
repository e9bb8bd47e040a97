/**
 * Scoring answers on the unseen set (pure, so it is tested on its own): top-1 / top-5 / empty
 * per kind, the share of two-code queries whose top 5 holds both codes, and the CodeDesk-only
 * flags of a top 5 (a terminated HCPCS code in it; nothing but headers in it).
 */
import { isAccepted, rankOfAnswer } from '../evaluate';

/** How one query fared: the rank of its first accepted code (null: not in the list), and whether nothing came back. */
export interface Outcome {
  rank: number | null;
  empty: boolean;
}

export interface KindTally {
  queries: number;
  /** Shares, 0..1 with three decimals. */
  top1: number;
  top5: number;
  /** Queries that got no result at all (a count, not a share). */
  empty: number;
}

const TOP = 5;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function outcomeOf(codes: readonly string[], accept: readonly string[]): Outcome {
  return { rank: rankOfAnswer(codes, accept), empty: codes.length === 0 };
}

/** Tally per kind (in first-seen order) and over all queries; `kinds[i]` is the kind of `outcomes[i]`. */
export function tallyByKind<K extends string>(kinds: readonly K[], outcomes: readonly Outcome[]): Record<K | 'all', KindTally> {
  if (kinds.length !== outcomes.length) throw new RangeError(`${kinds.length} kinds for ${outcomes.length} outcomes`);
  const counts = new Map<K | 'all', { n: number; top1: number; top5: number; empty: number }>();
  outcomes.forEach((outcome, i) => {
    for (const key of [kinds[i] as K, 'all' as const]) {
      const c = counts.get(key) ?? { n: 0, top1: 0, top5: 0, empty: 0 };
      c.n++;
      if (outcome.rank !== null && outcome.rank <= 1) c.top1++;
      if (outcome.rank !== null && outcome.rank <= TOP) c.top5++;
      if (outcome.empty) c.empty++;
      counts.set(key, c);
    }
  });
  const result = {} as Record<K | 'all', KindTally>;
  for (const [key, c] of counts) result[key] = { queries: c.n, top1: round3(c.top1 / c.n), top5: round3(c.top5 / c.n), empty: c.empty };
  return result;
}

/** Whether the top 5 holds both codes of a pair (each may be a pattern, as in `accept`). */
export function holdsPair(codes: readonly string[], pair: readonly [string, string]): boolean {
  const top = codes.slice(0, TOP);
  return pair.every((wanted) => top.some((code) => isAccepted(code, [wanted])));
}

/** Over the queries that need two codes: how many, and the share whose top 5 holds both. */
export function pairShare(
  queries: readonly { pair?: readonly [string, string] }[],
  answers: readonly (readonly string[])[],
): { queries: number; bothInTop5: number | null } {
  let n = 0;
  let both = 0;
  queries.forEach((q, i) => {
    if (!q.pair) return;
    n++;
    if (holdsPair(answers[i] ?? [], q.pair)) both++;
  });
  return { queries: n, bothInTop5: n === 0 ? null : round3(both / n) };
}

export interface TopHit {
  system: string;
  code: string;
  billable: boolean;
}

/**
 * Flags of one top 5: it holds an HCPCS code in `terminated` (codes ended on or before the
 * search date), or it is not empty and every hit in it is a header (non-billable).
 */
export function topFiveFlags(hits: readonly TopHit[], terminated: ReadonlySet<string>): { terminated: boolean; headerOnly: boolean } {
  const top = hits.slice(0, TOP);
  return {
    terminated: top.some((h) => h.system === 'hcpcs' && terminated.has(h.code)),
    headerOnly: top.length > 0 && top.every((h) => !h.billable),
  };
}

/**
 * 0..n-1 in an order that spreads out (bit-reversed: 0, n/2, n/4, 3n/4, ...), so any first part
 * of it is a sample across the whole list (the halves keep each writer's queries together).
 */
export function spreadOrder(n: number): number[] {
  let bits = 0;
  while (1 << bits < n) bits++;
  const order: number[] = [];
  for (let i = 0; i < 1 << bits; i++) {
    let reversed = 0;
    for (let b = 0; b < bits; b++) if (i & (1 << b)) reversed |= 1 << (bits - 1 - b);
    if (reversed < n) order.push(reversed);
  }
  return order;
}
