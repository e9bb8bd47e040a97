/**
 * GenerationalCache for pairs of codes, nested by first code: lookups hash the claim's own code
 * strings (V8 keeps a string's hash) instead of a new "col1 col2" string per pair, which made
 * a first check of 380 pairs cost more in keys than in SQLite. Holds at most 2 x limit pairs.
 */
type Generation<V> = Map<string, Map<string, V>>;

export class PairCache<V extends NonNullable<unknown>> {
  private young: Generation<V> = new Map();
  private old: Generation<V> = new Map();
  private youngPairs = 0;

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  }

  get(col1: string, col2: string): V | undefined {
    const hit = this.young.get(col1)?.get(col2);
    if (hit !== undefined) return hit;
    const aged = this.old.get(col1)?.get(col2);
    if (aged !== undefined) this.set(col1, col2, aged);
    return aged;
  }

  set(col1: string, col2: string, value: V): void {
    let row = this.young.get(col1);
    if (!row) {
      row = new Map();
      this.young.set(col1, row);
    }
    if (!row.has(col2)) this.youngPairs += 1;
    row.set(col2, value);
    if (this.youngPairs >= this.limit) {
      this.old = this.young;
      this.young = new Map();
      this.youngPairs = 0;
    }
  }
}
