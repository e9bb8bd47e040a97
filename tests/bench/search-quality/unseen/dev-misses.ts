/**
 * For whoever improves the search: the DEV half's accuracy per kind and every dev query whose
 * answer is not first, with the top 5 it got. It never reads the frozen test half.
 *   npx tsx tests/bench/search-quality/unseen/dev-misses.ts [--kind K] [--all]
 * The content database (every official file a user would import) is built once under the temp
 * folder and reused; delete it after an importer changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeContentDb, openContentDb } from '../../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../../../src/main/services/codesets/import';
import { searchCodes } from '../../../../src/main/services/codesets/search';
import { rankOfAnswer } from '../evaluate';
import { unseenQueries } from './index';
import { UNSEEN_FILES } from './files';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const DATE = '2026-01-15';
const say = (line: string) => process.stdout.write(`${line}\n`);
const args = process.argv.slice(2);
const kind = args.includes('--kind') ? args[args.indexOf('--kind') + 1] : undefined;
const showAll = args.includes('--all');

const dbFile = path.join(os.tmpdir(), 'codedesk-unseen-dev', 'content.db');
const fresh = !fs.existsSync(dbFile);
fs.mkdirSync(path.dirname(dbFile), { recursive: true });
const db = openContentDb(dbFile);
if (fresh) for (const file of UNSEEN_FILES(path.resolve(here, '../../../../..', 'shared', 'data', 'codesets'))) await importCodeFiles(db, [file]);

const queries = unseenQueries('dev').filter((q) => !kind || q.kind === kind);
const tally = new Map<string, { n: number; top1: number; top5: number; empty: number }>();
const started = performance.now();
for (const q of queries) {
  const hits = searchCodes(db, { query: q.query, date: DATE, limit: 25 });
  const rank = rankOfAnswer(hits.map((h) => h.code), q.accept);
  for (const key of [q.kind, 'all']) {
    const t = tally.get(key) ?? { n: 0, top1: 0, top5: 0, empty: 0 };
    t.n++;
    if (rank === 1) t.top1++;
    if (rank !== null && rank <= 5) t.top5++;
    if (hits.length === 0) t.empty++;
    tally.set(key, t);
  }
  if (rank !== 1 || showAll) {
    say(`\n[${q.kind}] "${q.query}" → want ${q.accept.join(' ')}${q.pair ? ` (pair ${q.pair.join('+')})` : ''}; rank ${rank ?? '-'}`);
    for (const h of hits.slice(0, 5)) say(`   ${h.code.padEnd(8)} ${h.billable ? ' ' : 'H'} ${h.title.slice(0, 90)}${h.matchedBy ? `  [${h.matchedBy.kind}: ${h.matchedBy.text.slice(0, 40)}]` : ''}`);
  }
}
say(`\n${queries.length} dev queries in ${Math.round(performance.now() - started)} ms`);
for (const [key, t] of tally) say(`${key.padEnd(10)} n=${t.n} top1=${((100 * t.top1) / t.n).toFixed(0)}% top5=${((100 * t.top5) / t.n).toFixed(0)}% empty=${t.empty}`);
closeContentDb(db);
