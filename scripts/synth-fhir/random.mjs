// A small seeded random source, so one seed always gives byte-identical exports (Math.random
// would not, and node:crypto's generator cannot be seeded).

/** A 32-bit hash of the seed text (xmur3), to start the generator from any string. */
function hashSeed(text) {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

/** sfc32: fast, good enough for test data, and the same on every platform. */
export function createRandom(seed) {
  const start = hashSeed(String(seed));
  let a = start();
  let b = start();
  let c = start();
  let d = start();
  const u32 = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  const next = () => u32() / 4294967296;
  const int = (n) => Math.floor(next() * n);
  const hex = (digits) => {
    let s = '';
    while (s.length < digits) s += u32().toString(16).padStart(8, '0');
    return s.slice(0, digits);
  };
  return {
    next,
    /** 0 ≤ result < n. */
    int,
    /** lo ≤ result ≤ hi. */
    between: (lo, hi) => lo + int(hi - lo + 1),
    pick: (list) => list[int(list.length)],
    chance: (p) => next() < p,
    /** One of `entries` ([value, weight] pairs) in proportion to its weight. */
    weighted(entries) {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of entries) if ((r -= w) < 0) return value;
      return entries[entries.length - 1][0];
    },
    /** A version-4-shaped UUID drawn from the seed (not from node:crypto: it must repeat). */
    uuid() {
      const h = hex(32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    digits: (n) => Array.from({ length: n }, () => int(10)).join(''),
  };
}
