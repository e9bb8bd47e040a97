/**
 * The audit sample: which submitted charts an auditor re-codes. Pure and seeded: the same seed
 * and the same population give the same sample on every machine, whatever order the population
 * arrives in (it is sorted by chart id first), so a sample can be shown, checked and redrawn.
 * The seed comes from the caller (main picks a random one when none is given).
 */
import type { ChartSetting } from './domain';
import { AppFailure, ErrorCode } from './result';

export interface SampleCandidate {
  chartId: string;
  coderId: string;
  setting: ChartSetting;
  submittedAt: string;
}

export type SampleStrata = 'none' | 'coder' | 'setting';

export interface SampleSpec {
  size: { count: number } | { percent: number };
  strata: SampleStrata;
  seed: string | number;
}

export interface StratumDraw {
  /** The coder id or setting; 'all' when not stratified. */
  stratum: string;
  population: number;
  sampled: number;
}

export interface AuditSample {
  /** Sorted by chart id. */
  chartIds: string[];
  /** The seed as text: 42 and '42' draw the same sample. */
  seed: string;
  /** In stratum order (sorted by key). */
  perStratum: StratumDraw[];
}

const bad = (message: string): AppFailure => new AppFailure(ErrorCode.BadInput, message);

/** FNV-1a, 32-bit: turns any seed text into the generator's state. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32 (Tommy Ettinger): a small 32-bit generator, uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many charts the spec asks for out of `total`; a percentage rounds up, so at least that share is audited. */
function sampleCount(size: SampleSpec['size'], total: number): number {
  if ('count' in size) {
    if (!Number.isInteger(size.count) || size.count < 1) throw bad('The sample size must be a whole number of at least 1.');
    if (size.count > total) throw bad(`The sample size (${size.count}) is larger than the population (${total} charts).`);
    return size.count;
  }
  if (!Number.isFinite(size.percent) || size.percent <= 0 || size.percent > 100) throw bad('The sample percentage must be more than 0 and at most 100.');
  // Rounded to 9 places first, so 64.4% of 250 is 161, not ceil(161.00000000000003) = 162.
  return Math.max(1, Math.ceil(Math.round(((total * size.percent) / 100) * 1e9) / 1e9));
}

/**
 * Proportional allocation with largest-remainder rounding (ties to the earlier stratum). When the
 * sample has room for one chart per stratum, every stratum gets at least one, taken from the
 * stratum furthest above its exact share; a smaller sample leaves the smallest strata out.
 */
export function allocate(sizes: readonly number[], count: number): number[] {
  const total = sizes.reduce((sum, n) => sum + n, 0);
  const exact = sizes.map((n) => (count * n) / total);
  const alloc = exact.map(Math.floor);
  const order = exact.map((q, i) => ({ i, rest: q - Math.floor(q) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = count - alloc.reduce((sum, n) => sum + n, 0);
  for (const { i } of order) {
    if (left === 0) break;
    alloc[i] = (alloc[i] as number) + 1;
    left -= 1;
  }
  if (count >= sizes.length) {
    for (let i = 0; i < alloc.length; i += 1) {
      if (alloc[i] !== 0) continue;
      let donor = -1;
      for (let j = 0; j < alloc.length; j += 1) {
        if ((alloc[j] as number) < 2) continue;
        if (donor < 0 || (alloc[j] as number) - (exact[j] as number) > (alloc[donor] as number) - (exact[donor] as number)) donor = j;
      }
      alloc[donor] = (alloc[donor] as number) - 1;
      alloc[i] = 1;
    }
  }
  return alloc;
}

/** The first `k` of a partial Fisher–Yates shuffle of `items`. */
function pick<T>(items: readonly T[], k: number, next: () => number): T[] {
  const pool = [...items];
  for (let i = 0; i < k; i += 1) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, k);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function drawSample(population: readonly SampleCandidate[], spec: SampleSpec): AuditSample {
  if (population.length === 0) throw bad('There are no submitted charts to sample from.');
  const seed = String(spec.seed);
  if (seed.trim() === '') throw bad('The sample needs a seed.');
  const sorted = [...population].sort((a, b) => byText(a.chartId, b.chartId));
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i]?.chartId === sorted[i - 1]?.chartId) throw bad('A chart is listed twice in the population.');
  }
  const count = sampleCount(spec.size, sorted.length);
  const strata = new Map<string, SampleCandidate[]>();
  for (const c of sorted) {
    const key = spec.strata === 'coder' ? c.coderId : spec.strata === 'setting' ? c.setting : 'all';
    const list = strata.get(key);
    if (list) list.push(c);
    else strata.set(key, [c]);
  }
  const keys = [...strata.keys()].sort(byText);
  const groups = keys.map((k) => strata.get(k) as SampleCandidate[]);
  const quotas = allocate(groups.map((g) => g.length), count);
  // One generator stream, strata in key order: the draw depends on nothing but seed and data.
  const next = mulberry32(fnv1a(seed));
  const chartIds: string[] = [];
  groups.forEach((group, i) => chartIds.push(...pick(group, quotas[i] as number, next).map((c) => c.chartId)));
  return {
    chartIds: chartIds.sort(byText),
    seed,
    perStratum: keys.map((stratum, i) => ({ stratum, population: (groups[i] as SampleCandidate[]).length, sampled: quotas[i] as number })),
  };
}
