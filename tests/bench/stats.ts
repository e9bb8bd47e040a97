/** Summary statistics of timings in milliseconds. */
export interface TimingSummary {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summarise(values: readonly number[]): TimingSummary {
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    meanMs: round(values.reduce((sum, v) => sum + v, 0) / values.length),
    maxMs: round(Math.max(...values)),
  };
}
