/**
 * claim.check on 25-line claims against full tables: the real FY2026 ICD-10-CM and PCS order
 * files, POA, MCE, MUE and add-on code files from ../shared, and a synthetic practitioner PTP
 * table of 1,000,000 pairs in the CMS layout (the real PTP files are not in ../shared).
 * Target: p95 <= 1 ms per claim. p95 is sensitive to machine load: compare with p50.
 *
 * The checker keeps the edit rows it has looked up (per database and edit file), so every timed
 * claim is one not checked before, and three figures per claim shape say what that buys:
 * - p50Ms/p95Ms (steady state): distinct claims drawn from a working set of codes, as a coder's
 *   day repeats a specialty's codes in new combinations; the working set is warm.
 * - newCodes: claims whose procedure codes this connection never looked up (every PTP pair,
 *   MUE and add-on row goes to SQLite); statements prepared, MCE lists loaded.
 * - cold: the first check on a freshly opened database (statements, MCE lists, everything).
 * ptpPartnerLists says whether the PTP file got its partner lists (edits/ptp-partners.ts, written
 * by the PTP import), which let a new-code check seek only the pairs that have rows instead of
 * every ordered pair of its codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeContentDb, openContentDb, type ContentDb } from '../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../src/main/services/codesets/import';
import { checkClaim } from '../../src/main/services/edits/check';
import { claimSchema, type Claim, type ClaimInput } from '../../src/shared/claim';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const PTP_PAIRS = 1_000_000;
const WARM_UP = 200;
const RUNS = 2000;
const NEW_CODE_RUNS = 150;
const COLD_RUNS = 15;
// Sets of synthetic codes start this many codes apart (every pair within 111 codes is an edit).
const PTP_SET_SPAN = 48;
const CPT = Array.from({ length: 9000 }, (_, i) => String(10000 + i * 9).padStart(5, '0'));

function syntheticPtp(file: string): void {
  const lines = ['Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale'];
  for (let i = 0; i < PTP_PAIRS; i += 1) {
    // Column-1 code k pairs with codes k+1 .. k+111 (mod 9000): every pair is unique.
    const a = CPT[i % CPT.length]!;
    const b = CPT[(i + 1 + Math.floor(i / CPT.length)) % CPT.length]!;
    lines.push(`${a}\t${b}\t\t20150101\t*\t${i % 3 === 0 ? 0 : 1}\tStandards of medical / surgical practice`);
  }
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

/** Steps between 42 codes that never put two of them within 113 codes of each other (no pair). */
const SPREAD_STEPS = Array.from({ length: 2700 }, (_, i) => 300 + i).filter(
  (step) => step !== 401 && Array.from({ length: 41 }, (_, d) => (step * (d + 1)) % CPT.length).every((r) => r > 113 && r < CPT.length - 113),
);

/** Deterministic picks, so every run times the same claims. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

function pickDistinct<T>(from: readonly T[], count: number, next: () => number): T[] {
  const pool = [...from];
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

const cptAt = (i: number): string => CPT[((i % CPT.length) + CPT.length) % CPT.length]!;

interface Pools {
  dx: string[];
  pcs: string[];
}

/**
 * Claim k of a shape, its codes drawn from code set `set`: 0 is the working set; each set above
 * 0 holds other codes (PTP pairs new to the connection, but for about 2% of the typical shape's).
 * Claim 0 of set 0 is the one this bench always timed; the others vary its codes, not its make-up.
 */
type Shape = (k: number, set: number) => ClaimInput;

function shapes(pools: Pools): Record<string, Shape> {
  const professional = (codes: string[]): ClaimInput => ({
    setting: 'professional',
    dateOfService: '2026-05-01',
    patient: { age: 70, sex: 'F' },
    diagnoses: pools.dx.slice(0, 5).map((code) => ({ code })),
    procedures: [...codes, '0009U', '0071U', '11045', 'J1100'].map((code, i) => ({ code, units: 1 + (i % 3), modifiers: i % 4 === 0 ? ['59'] : [], pointers: ['A', 'B'] })),
  });
  return {
    // 15 diagnoses (every 5th without POA) and 10 PCS codes from pools of 60 and 40.
    inpatient25: (k, set) => {
      const next = random(k + 1);
      const pool = set === 0 ? 0 : 1 + (set % 3);
      const dx = k === 0 ? pools.dx.slice(0, 15) : pickDistinct(pools.dx.slice(pool * 60, pool * 60 + 60), 15, next);
      const pcs = k === 0 ? pools.pcs.slice(0, 10) : pickDistinct(pools.pcs.slice(pool * 40, pool * 40 + 40), 10, next);
      return {
        setting: 'inpatient',
        dateOfService: '2026-05-01',
        patient: { age: 70, sex: 'F' },
        diagnoses: dx.map((code, i) => ({ code, poa: i % 5 === 0 ? null : 'Y', principal: i === 0 })),
        procedures: pcs.map((code) => ({ code })),
      };
    },
    // Typical: 14 codes far apart (no pairs among them) and two neighbours of one: 3 PTP pairs.
    professional25: (k, set) => {
      const step = set === 0 ? 401 : SPREAD_STEPS[set - 1]!;
      const spread = Array.from({ length: 42 }, (_, i) => cptAt(61 * set + i * step));
      const chosen = k === 0 ? spread.slice(0, 14) : pickDistinct(spread, 14, random(k + 1));
      const at = CPT.indexOf(chosen[0]!);
      return professional([...chosen, cptAt(at + 1), cptAt(at + 2)]);
    },
    // Stress: 16 codes out of 48 neighbours, so every pair among them is an edit (~100 hit).
    professional25ManyPtpHits: (k, set) => {
      const near = Array.from({ length: 48 }, (_, i) => cptAt(PTP_SET_SPAN * set + i));
      return professional(k === 0 ? near.slice(0, 16) : pickDistinct(near, 16, random(k + 1)));
    },
  };
}

/** Whether the PTP file has its partner lists (their marker row; see ptp-partners.ts). */
function hasPartnerLists(db: ContentDb): boolean {
  return db.prepare("SELECT 1 FROM ptp_partners p JOIN edit_file f ON f.id = p.file_id WHERE f.kind = 'ptp' AND p.col1 = ''").get() !== undefined;
}

function timeChecks(db: ContentDb, claims: readonly Claim[]): { times: number[]; findings: number } {
  const times: number[] = [];
  let findings = 0;
  for (const claim of claims) {
    const t = performance.now();
    findings += checkClaim(db, claim).length;
    times.push(performance.now() - t);
  }
  return { times, findings: Math.round((findings / claims.length) * 10) / 10 };
}

export const claimCheckBench: BenchModule = {
  name: 'claimCheck',
  async run({ repoRoot, tempDir }) {
    const codesets = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets');
    const dbPath = path.join(tempDir, 'content.db');
    let db = openContentDb(dbPath);
    try {
      const ptpFile = path.join(tempDir, 'ccipra-v321r0-f1.txt');
      syntheticPtp(ptpFile);
      const started = performance.now();
      const summary = await importCodeFiles(db, [
        ...['icd10cm/icd10cm_order_2026.txt', 'icd10pcs/icd10pcs_order_2026.txt', 'poa', 'mce', 'mue', 'ncci'].map((f) => path.join(codesets, f)),
        ptpFile,
      ]);
      const importSeconds = (performance.now() - started) / 1000;
      const billable = (system: string, count: number, offset: number): string[] =>
        db.prepare(`SELECT display_code FROM codes c JOIN content_version v ON v.id = c.version_id WHERE v.system = ? AND c.billable = 1 LIMIT ? OFFSET ?`).pluck().all(system, count, offset) as string[];
      // Four disjoint pools each: pool 0 is the working set, 1-3 hold codes never looked up before.
      const pools: Pools = { dx: billable('icd10cm', 240, 20000), pcs: billable('icd10pcs', 160, 5000) };
      const figures: Record<string, unknown> = {};
      const parse = (input: ClaimInput): Claim => claimSchema.parse(input);
      for (const [name, shape] of Object.entries(shapes(pools))) {
        const first = parse(shape(0, 0));
        const findings = checkClaim(db, first).length;
        // Steady state: every timed claim is new, its codes from the warm working set.
        timeChecks(db, Array.from({ length: WARM_UP }, (_, k) => parse(shape(1 + k, 0))));
        const warm = timeChecks(db, Array.from({ length: RUNS }, (_, k) => parse(shape(1 + WARM_UP + k, 0))));
        // New codes: each claim from its own code set (the four fixed HCPCS/CPT codes repeat).
        const fresh = timeChecks(db, Array.from({ length: NEW_CODE_RUNS }, (_, k) => parse(shape(1 + k, 1 + k))));
        // Cold: reopen the database before each claim.
        const coldTimes: number[] = [];
        for (let k = 0; k < COLD_RUNS; k += 1) {
          closeContentDb(db);
          db = openContentDb(dbPath);
          coldTimes.push(...timeChecks(db, [parse(shape(1 + k, 0))]).times);
        }
        figures[name] = {
          lines: first.diagnoses.length + first.procedures.length,
          findings,
          meanFindings: warm.findings,
          ...summarise(warm.times),
          newCodes: { runs: NEW_CODE_RUNS, meanFindings: fresh.findings, ...summarise(fresh.times) },
          cold: { runs: COLD_RUNS, ...summarise(coldTimes) },
        };
      }
      return {
        claimCheck: {
          ...figures,
          targetP95Ms: 1,
          ptpPairs: db.prepare('SELECT count(*) FROM ptp').pluck().get() as number,
          ptpPartnerLists: hasPartnerLists(db),
          editRows: summary.files.filter((f) => !f.kind.endsWith('-order')).reduce((n, f) => n + f.codes, 0),
          importSeconds: Math.round(importSeconds * 10) / 10,
        },
      };
    } finally {
      closeContentDb(db);
    }
  },
};
