/**
 * Scores every code of one version against the resolved slots of a query, in one pass over the
 * postings of the query's terms (no code is visited that no typed word names):
 *   match(slot, code)  = best alternative: factor × Σ idf·weight of its words found / Σ idf of its words
 *   cover(code)        = Σ importance·match / Σ importance, over the slots some version can match
 * and, per concept, the same sums over that concept's slots. The best few hundred by cover (ties:
 * shorter titles) are then ranked by cover plus title fit in rank-concepts.ts.
 */
import type { ConceptIndex } from './concept-index';
import type { ResolvedSlot } from './resolve-slots';

/** Scratch arrays of one version, reused by every search (searches run one at a time). */
class Scratch {
  readonly group: Float32Array;
  readonly alt: Float32Array;
  readonly slot: Float32Array;
  readonly cover: Float32Array;
  readonly concept: Float32Array[];
  readonly groupTouched: Int32Array;
  readonly altTouched: Int32Array;
  readonly slotTouched: Int32Array;
  readonly touched: Int32Array;
  readonly inGroup: Uint8Array;
  readonly inAlt: Uint8Array;
  readonly inSlot: Uint8Array;
  readonly inCover: Uint8Array;

  constructor(n: number, concepts: number) {
    this.group = new Float32Array(n);
    this.alt = new Float32Array(n);
    this.slot = new Float32Array(n);
    this.cover = new Float32Array(n);
    this.concept = Array.from({ length: concepts }, () => new Float32Array(n));
    this.groupTouched = new Int32Array(n);
    this.altTouched = new Int32Array(n);
    this.slotTouched = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.inGroup = new Uint8Array(n);
    this.inAlt = new Uint8Array(n);
    this.inSlot = new Uint8Array(n);
    this.inCover = new Uint8Array(n);
  }
}

const MAX_CONCEPTS = 4;
/** A slot naming more codes than this share of the version (and at least COMMON_MIN) is common. */
const COMMON_SHARE = 0.05;
const COMMON_MIN = 2000;
/** How much less a reading that says less than the slot's richest reading is worth, when both match whole. */
const RICHER = 0.03;
/** Share of a concept's importance its rarer slots must hold before its common slots stop naming candidates. */
const SEEDING = 0.5;

function denOf(alt: { groups: readonly { idf: number }[] }): number {
  let den = 0;
  for (const g of alt.groups) den += g.idf;
  return den;
}

function groupSize(index: ConceptIndex, g: { ids: readonly number[] }): number {
  let n = 0;
  for (const id of g.ids) n += index.df(id);
  return n;
}

/**
 * How many codes a slot can name: per alternative, the codes of its rarest word (a code must hold
 * it to match well); the slot names what its widest alternative does.
 */
function sizeOf(index: ConceptIndex, slot: ResolvedSlot): number {
  let widest = 0;
  for (const alt of slot.alternatives) {
    let rarest = Infinity;
    for (const g of alt.groups) if (g.ids.length > 0) rarest = Math.min(rarest, groupSize(index, g));
    if (rarest !== Infinity) widest = Math.max(widest, rarest);
  }
  return widest;
}
const scratches = new WeakMap<ConceptIndex, Scratch>();

export interface VersionScores {
  index: ConceptIndex;
  /** Codes some slot named, and how many. */
  touched: Int32Array;
  touchedCount: number;
  /** Σ importance·match per code (divide by `total`). */
  cover: Float32Array;
  /** The same per concept (divide by `conceptTotals[c]`). */
  concept: Float32Array[];
  total: number;
  conceptTotals: number[];
  /** Clears the scratch arrays for the next search. */
  release(): void;
}

/**
 * Adds `amount` to one code's cover and to its sum for concept `concept`: what a slot is worth to a
 * code whose title says it another way than by words (a number inside a stated range, no approach).
 */
export function creditCode(scores: VersionScores, concept: number, ordinal: number, amount: number): void {
  scores.cover[ordinal] = (scores.cover[ordinal] as number) + amount;
  const sums = scores.concept[Math.min(MAX_CONCEPTS - 1, concept)];
  if (sums) sums[ordinal] = (sums[ordinal] as number) + amount;
}

export function scoreVersion(index: ConceptIndex, slots: readonly ResolvedSlot[], conceptOf: readonly number[], counted: readonly boolean[]): VersionScores {
  const used = Math.min(MAX_CONCEPTS, Math.max(1, ...conceptOf.map((c) => c + 1)));
  let s = scratches.get(index);
  if (!s) {
    s = new Scratch(index.count, MAX_CONCEPTS);
    scratches.set(index, s);
  }
  const scratch = s;
  const ordinals = index.postingOrdinals;
  const weights = index.postingWeights;
  let touchedCount = 0;
  let total = 0;
  const conceptTotals = new Array<number>(MAX_CONCEPTS).fill(0);
  // Rare slots first: they decide which codes are candidates. A slot as common as "left" or
  // "encounter" then only adds to codes already named (a code that only a common word names
  // never outranks one a rare word names), which spares writing to a third of the version.
  const sizes = slots.map((slot) => sizeOf(index, slot));
  const order = slots.map((_, k) => k).sort((a, b) => (sizes[a] as number) - (sizes[b] as number));
  const common = Math.max(COMMON_MIN, index.count * COMMON_SHARE);
  // Per concept: a rarer slot of the same concept has already named its candidates.
  // A code none of the rarer slots named can still lead only while those slots weigh less than
  // SEEDING of their concept; once they weigh more, a common slot only adds to codes they named.
  const weight = new Array<number>(MAX_CONCEPTS).fill(0);
  slots.forEach((slot, k) => {
    if (!counted[k]) return;
    const c = Math.min(MAX_CONCEPTS - 1, conceptOf[k] as number);
    weight[c] = (weight[c] as number) + slot.importance;
  });
  const seeded = new Array<number>(MAX_CONCEPTS).fill(0);
  order.forEach((k) => {
    const slot = slots[k] as ResolvedSlot;
    if (!counted[k]) return;
    const c = Math.min(MAX_CONCEPTS - 1, conceptOf[k] as number);
    const onlyTouched = (seeded[c] as number) >= SEEDING * (weight[c] as number) && (sizes[k] as number) > common;
    seeded[c] = (seeded[c] as number) + slot.importance;
    total += slot.importance;
    conceptTotals[c] = (conceptTotals[c] as number) + slot.importance;
    const conceptScores = scratch.concept[c] as Float32Array;
    // The common case, one word typed with no other reading: its postings go straight to the sums.
    const only = slot.alternatives.length === 1 ? slot.alternatives[0] : undefined;
    const single = only && only.groups.length === 1 && only.groups[0]?.ids.length === 1 ? only.groups[0] : undefined;
    if (only && single) {
      const scale = (slot.importance * only.factor * (single.factors[0] as number)) / 100;
      const [from, to] = index.postingsOf(single.ids[0] as number);
      for (let p = from; p < to; p++) {
        const d = ordinals[p] as number;
        const v = scale * (weights[p] as number);
        if (scratch.inCover[d] === 0) {
          if (onlyTouched) continue;
          scratch.inCover[d] = 1;
          scratch.touched[touchedCount++] = d;
        }
        scratch.cover[d] = (scratch.cover[d] as number) + v;
        conceptScores[d] = (conceptScores[d] as number) + v;
      }
      return;
    }
    let slotCount = 0;
    let richest = 0;
    for (const alt of slot.alternatives) if (alt.label !== null) richest = Math.max(richest, denOf(alt));
    for (const alt of slot.alternatives) {
      const den = denOf(alt);
      if (den === 0) continue;
      let altCount = 0;
      // The alternative's rarest word first; a common word after it ("chronic" in "chronic
      // obstructive pulmonary disease") only adds to codes the rarer words named.
      const groups = alt.groups.filter((g) => g.ids.length > 0).map((g) => ({ g, n: groupSize(index, g) })).sort((a, b) => a.n - b.n);
      groups.forEach(({ g, n }, gi) => {
        const afterRarer = gi > 0 && n > common;
        let groupCount = 0;
        for (let j = 0; j < g.ids.length; j++) {
          const scale = (g.idf * (g.factors[j] as number)) / 100;
          const [from, to] = index.postingsOf(g.ids[j] as number);
          for (let p = from; p < to; p++) {
            const d = ordinals[p] as number;
            if (onlyTouched && scratch.inCover[d] === 0) continue;
            if (afterRarer && scratch.inAlt[d] === 0) continue;
            const v = scale * (weights[p] as number);
            if (scratch.inGroup[d] === 0) {
              scratch.inGroup[d] = 1;
              scratch.groupTouched[groupCount++] = d;
              scratch.group[d] = v;
            } else if (v > (scratch.group[d] as number)) scratch.group[d] = v;
          }
        }
        for (let q = 0; q < groupCount; q++) {
          const d = scratch.groupTouched[q] as number;
          if (scratch.inAlt[d] === 0) {
            scratch.inAlt[d] = 1;
            scratch.altTouched[altCount++] = d;
          }
          scratch.alt[d] = (scratch.alt[d] as number) + (scratch.group[d] as number);
          scratch.group[d] = 0;
          scratch.inGroup[d] = 0;
        }
      });
      // Of two readings a code matches whole, the one that says more wins ("PICC" as an infusion
      // device in the superior vena cava over an infusion device anywhere); words as typed stay as they are.
      const factor = (alt.label === null ? alt.factor : alt.factor * (1 - RICHER + (RICHER * den) / richest)) / den;
      for (let q = 0; q < altCount; q++) {
        const d = scratch.altTouched[q] as number;
        const v = factor * (scratch.alt[d] as number);
        if (scratch.inSlot[d] === 0) {
          scratch.inSlot[d] = 1;
          scratch.slotTouched[slotCount++] = d;
          scratch.slot[d] = v;
        } else if (v > (scratch.slot[d] as number)) scratch.slot[d] = v;
        scratch.alt[d] = 0;
        scratch.inAlt[d] = 0;
      }
    }
    for (let q = 0; q < slotCount; q++) {
      const d = scratch.slotTouched[q] as number;
      const v = slot.importance * (scratch.slot[d] as number);
      if (scratch.inCover[d] === 0) {
        scratch.inCover[d] = 1;
        scratch.touched[touchedCount++] = d;
      }
      scratch.cover[d] = (scratch.cover[d] as number) + v;
      conceptScores[d] = (conceptScores[d] as number) + v;
      scratch.slot[d] = 0;
      scratch.inSlot[d] = 0;
    }
  });
  return {
    index,
    touched: scratch.touched,
    touchedCount,
    cover: scratch.cover,
    concept: scratch.concept,
    total,
    conceptTotals,
    release() {
      for (let q = 0; q < touchedCount; q++) {
        const d = scratch.touched[q] as number;
        scratch.cover[d] = 0;
        scratch.inCover[d] = 0;
        for (let c = 0; c < used; c++) (scratch.concept[c] as Float32Array)[d] = 0;
      }
    },
  };
}

const values = new WeakMap<Int32Array, Float32Array>();

/**
 * The ordinals of the best `m` codes by sums[d] · scale + prior[d] among the first `count` of
 * `touched`, in no particular order: a histogram finds the cut-off without sorting them all.
 */
export function topCandidates(touched: Int32Array, count: number, m: number, sums: Float32Array, scale: number, prior: Float32Array): number[] {
  let v = values.get(touched);
  if (!v) {
    v = new Float32Array(touched.length);
    values.set(touched, v);
  }
  for (let q = 0; q < count; q++) {
    const d = touched[q] as number;
    v[q] = (sums[d] as number) * scale + (prior[d] as number);
  }
  if (count <= m) return Array.from(touched.subarray(0, count));
  const BINS = 1024;
  const LO = -0.5;
  const HI = 1.1;
  const bins = new Int32Array(BINS);
  const binScale = BINS / (HI - LO);
  for (let q = 0; q < count; q++) {
    const b = Math.max(0, Math.min(BINS - 1, Math.floor(((v[q] as number) - LO) * binScale)));
    bins[b] = (bins[b] as number) + 1;
  }
  let cut = BINS - 1;
  let kept = bins[cut] as number;
  while (cut > 0 && kept < m) {
    cut--;
    kept += bins[cut] as number;
  }
  const floor = cut === 0 ? -Infinity : LO + cut / binScale;
  const picked: { d: number; v: number }[] = [];
  for (let q = 0; q < count; q++) if ((v[q] as number) >= floor) picked.push({ d: touched[q] as number, v: v[q] as number });
  picked.sort((a, b) => b.v - a.v || a.d - b.d);
  return picked.slice(0, m).map((p) => p.d);
}
