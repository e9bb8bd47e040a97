/**
 * Postings written one code at a time (ascending ordinals) into growing typed arrays, then laid
 * out per term (compressed rows) by a counting pass: no array per term while building, so
 * building a version's index allocates a few large arrays instead of millions of small ones.
 */
export interface Postings {
  /** Term by id, and id by term. */
  terms: string[];
  ids: Map<string, number>;
  /** Per term id, its postings [start[id], start[id + 1]) in `ordinals` / `weights`, ordinals ascending. */
  start: Int32Array;
  ordinals: Int32Array;
  weights: Uint8Array;
}

export class PostingsBuilder {
  readonly terms: string[] = [];
  readonly ids = new Map<string, number>();
  private docs = new Int32Array(1 << 16);
  private termIds = new Int32Array(1 << 16);
  private weights = new Uint8Array(1 << 16);
  private size = 0;

  /** The id of a term, given one the first time it is seen. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** One posting; calls come in ascending ordinal order. */
  add(ordinal: number, term: string, weight: number): void {
    if (this.size === this.docs.length) this.grow();
    this.docs[this.size] = ordinal;
    this.termIds[this.size] = this.idOf(term);
    this.weights[this.size] = weight;
    this.size++;
  }

  finish(): Postings {
    const n = this.terms.length;
    const start = new Int32Array(n + 1);
    for (let k = 0; k < this.size; k++) {
      const t = (this.termIds[k] as number) + 1;
      start[t] = (start[t] as number) + 1;
    }
    for (let t = 0; t < n; t++) start[t + 1] = (start[t + 1] as number) + (start[t] as number);
    const fill = start.slice(0, n);
    const ordinals = new Int32Array(this.size);
    const weights = new Uint8Array(this.size);
    for (let k = 0; k < this.size; k++) {
      const t = this.termIds[k] as number;
      const at = fill[t] as number;
      fill[t] = at + 1;
      ordinals[at] = this.docs[k] as number;
      weights[at] = this.weights[k] as number;
    }
    return { terms: this.terms, ids: this.ids, start, ordinals, weights };
  }

  private grow(): void {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.docs = grown(this.docs);
    this.termIds = grown(this.termIds);
    const w = new Uint8Array(this.weights.length * 2);
    w.set(this.weights);
    this.weights = w;
  }
}
