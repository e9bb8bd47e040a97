/**
 * Bounded optimal-string-alignment distance (Levenshtein plus adjacent transpositions, the
 * commonest typing slip: "pnuemonia"). Pure; gives up as soon as the bound is exceeded and
 * reuses its rows, so scanning a version's words per typed word stays under a millisecond.
 */

let rows = makeRows(64);

function makeRows(size: number) {
  return [new Int32Array(size), new Int32Array(size), new Int32Array(size)] as const;
}

/** The distance between a and b (b read up to bLength, default whole), or max + 1 when it is larger than max. */
export function boundedDistance(a: string, b: string, max: number, bLength = b.length): number {
  if (Math.abs(a.length - bLength) > max) return max + 1;
  const cols = bLength + 1;
  if (cols > rows[0].length) rows = makeRows(cols * 2);
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    const caPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j < cols; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = (prev[j - 1] as number) + (ca === cb ? 0 : 1);
      const del = (prev[j] as number) + 1;
      if (del < best) best = del;
      const ins = (row[j - 1] as number) + 1;
      if (ins < best) best = ins;
      if (j > 1 && ca === b.charCodeAt(j - 2) && caPrev === cb) {
        const swap = (prevPrev[j - 2] as number) + 1;
        if (swap < best) best = swap;
      }
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  const result = prev[cols - 1] as number;
  return result > max ? max + 1 : result;
}
