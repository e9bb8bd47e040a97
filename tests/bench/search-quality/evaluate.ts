/** Scoring a ranked result list against a query's acceptable codes: top-1 and top-5 accuracy per kind. */
import type { QualityQuery, QueryKind } from './queries';

/** `S72.0*` accepts any code starting with S72.0; `3023*N1` any code between those ends. */
export function acceptPattern(accept: string): RegExp {
  const escaped = accept.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function isAccepted(code: string, accept: readonly string[]): boolean {
  return accept.some((a) => acceptPattern(a).test(code));
}

/** 1-based rank of the first accepted code, or null when none is in the list. */
export function rankOfAnswer(codes: readonly string[], accept: readonly string[]): number | null {
  const index = codes.findIndex((c) => isAccepted(c, accept));
  return index < 0 ? null : index + 1;
}

export interface Accuracy {
  queries: number;
  top1: number;
  top5: number;
}

export type AccuracyByKind = Record<QueryKind | 'all', Accuracy>;

/** Top-1 and top-5 accuracy (0..1, three decimals) per kind and overall. */
export function accuracyByKind(queries: readonly QualityQuery[], ranks: readonly (number | null)[]): AccuracyByKind {
  const tally = new Map<string, { n: number; top1: number; top5: number }>();
  queries.forEach((query, i) => {
    const rank = ranks[i] ?? null;
    for (const key of [query.kind, 'all']) {
      const t = tally.get(key) ?? { n: 0, top1: 0, top5: 0 };
      t.n++;
      if (rank !== null && rank <= 1) t.top1++;
      if (rank !== null && rank <= 5) t.top5++;
      tally.set(key, t);
    }
  });
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const result: Partial<AccuracyByKind> = {};
  for (const [key, t] of tally) {
    result[key as QueryKind | 'all'] = { queries: t.n, top1: round(t.top1 / t.n), top5: round(t.top5 / t.n) };
  }
  return result as AccuracyByKind;
}
