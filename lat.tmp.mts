import { openContentDb } from './src/main/services/codesets/content-db';
import { searchCodes } from './src/main/services/codesets/search';
import { unseenQueries } from './tests/bench/search-quality/unseen/index';
const db = openContentDb('/tmp/codedesk-unseen-dev/content.db');
let t = performance.now();
searchCodes(db, { query: 'fracture femur', date: '2026-01-15', limit: 25 });
console.log('cold first search ms', Math.round(performance.now() - t));
const times: [number, string][] = [];
for (let round = 0; round < 2; round++) for (const q of unseenQueries('dev')) for (let i = 2; i <= q.query.length; i++) {
  const s = performance.now();
  searchCodes(db, { query: q.query.slice(0, i), date: '2026-01-15', limit: 25 });
  if (round === 1) times.push([performance.now() - s, q.query.slice(0, i)]);
}
times.sort((a, b) => a[0] - b[0]);
const p = (x: number) => times[Math.floor(x * (times.length - 1))]![0].toFixed(2);
console.log('keystrokes', times.length, 'p50', p(0.5), 'p95', p(0.95), 'p99', p(0.99), 'max', times.at(-1)![0].toFixed(1));
for (const [ms, q] of times.slice(-12)) console.log(ms.toFixed(1), q);
