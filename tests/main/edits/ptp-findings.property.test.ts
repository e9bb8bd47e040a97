/**
 * PTP findings for random claims against a random two-part release equal what a plain reading
 * of the table gives: every ordered pair of the claim's codes, its rows in force on the date in
 * part / pair / start-date order, the first one no bypass modifier lifts. Claims run one after
 * another on one database, so remembered pairs, new pairs (cross and list statements) and both
 * parts all meet the reference: on a database without partner lists (every pair sought) and
 * on one with them (ptp-partners.ts: only the pairs they hold are sought).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCodeFiles } from '../helpers/import-fixtures';
import { PTP_BYPASS_MODIFIERS } from '../../../src/main/services/edits/ptp';
import type { Finding } from '../../../src/shared/claim';
import { writeFile } from '../codesets/helpers';
import { ptpText } from './fixtures';
import { check, dropEditsDb, editsDb, type Db } from './setup';

const CODES = ['10021', '10040', '11042', '20610', '36415', '93000', '93306', '99213', '0071U', 'J1100', '64483', '77080'];
const RATIONALES = ['Standards of medical / surgical practice', 'Mutually exclusive procedures', 'Misuse of column two code with "column one" code', 'CPT Manual or CMS manual coding instructions'];
const MODIFIERS = ['59', 'XS', 'LT', '25', 'GA'];

interface Row {
  part: number;
  col1: string;
  col2: string;
  from: string;
  to: string | null;
  modifier: 0 | 1 | 9;
  rationale: string;
  line: number;
}

/** Deterministic: the same table on every run (fast-check varies the claims). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const iso = (yyyymmdd: string): string => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}`;

/** Part 1 holds column-1 codes of the first half of CODES, part 2 the rest; some pairs recur with other dates. */
function randomTable(): { rows: Row[]; files: [string, string][] } {
  const next = random(7);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const byPart: string[][] = [[], []];
  const rows: Row[] = [];
  for (const col1 of CODES) {
    const part = CODES.indexOf(col1) < CODES.length / 2 ? 0 : 1;
    for (const col2 of CODES) {
      if (col1 === col2 || next() < 0.5) continue;
      const spans = next() < 0.25 ? [['20150101', '20251231'], ['20260301', '*']] : [[pick(['20090101', '20150101', '20260401', '20261001']), pick(['*', '*', '20260515', '20201231'])]];
      for (const [from, deleted] of spans) {
        const modifier = pick([0, 1, 1, 9] as const);
        const rationale = pick(RATIONALES);
        const text = byPart[part]!;
        text.push(`${col1}\t${col2}\t\t${from}\t${deleted}\t${modifier}\t${rationale}`);
        // Three header lines come first (fixtures.ts).
        rows.push({ part, col1, col2, from: iso(from!), to: deleted === '*' ? null : iso(deleted!), modifier, rationale, line: text.length + 3 });
      }
    }
  }
  return { rows, files: byPart.map((text, i) => [`ccipra-v321r0-f${i + 1}.txt`, ptpText(text)]) };
}

interface ClaimLine {
  code: string;
  modifiers: string[];
}

/** The reference: "col1,col2 line n modifier m" per finding, in the checker's order. */
function expected(rows: readonly Row[], claim: readonly ClaimLine[], date: string): string[] {
  const bypass = new Map<string, boolean>();
  for (const p of claim) bypass.set(p.code, (bypass.get(p.code) ?? false) || p.modifiers.some((m) => PTP_BYPASS_MODIFIERS.has(m)));
  const hits = rows
    .filter((r) => bypass.has(r.col1) && bypass.has(r.col2) && r.modifier !== 9 && r.from <= date && (r.to === null || r.to >= date))
    .sort((a, b) => a.part - b.part || a.col1.localeCompare(b.col1, 'en') || a.col2.localeCompare(b.col2, 'en') || a.from.localeCompare(b.from, 'en'));
  const reported = new Set<string>();
  const out: string[] = [];
  for (const r of hits) {
    const key = `${r.col1},${r.col2}`;
    if (reported.has(key) || (r.modifier === 1 && (bypass.get(r.col1)! || bypass.get(r.col2)!))) continue;
    reported.add(key);
    out.push(`${key} ${r.part + 1}:${r.line} modifier ${r.modifier} ${r.rationale}`);
  }
  return out;
}

function actual(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.edit === 'ncci.ptp')
    .map((f) => {
      const [, part, line] = /-f(\d)\.txt .* line (\d+)/.exec(f.source) ?? [];
      const modifier = f.message.includes('no modifier allows it') ? 0 : 1;
      const rationale = RATIONALES.find((r) => f.message.includes(`(${r})`)) ?? '?';
      return `${f.codes.join(',')} ${part}:${line} modifier ${modifier} ${rationale}`;
    });
}

let plain: Db;
let withLists: Db;
let dir: string;
let table: Row[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-ptp-property-'));
  const { rows, files } = randomTable();
  table = rows;
  for (const [name, content] of files) writeFile(dir, name, content);
  const paths = files.map(([name]) => path.join(dir, name));
  // Without the lists' markers every pair is sought; with them (as the importer writes them)
  // only the pairs the lists hold.
  plain = await editsDb();
  await importCodeFiles(plain, paths);
  plain.exec('DELETE FROM ptp_partners');
  withLists = await editsDb();
  await importCodeFiles(withLists, paths);
});
afterAll(() => {
  dropEditsDb(plain);
  dropEditsDb(withLists);
  fs.rmSync(dir, { recursive: true, force: true });
});

const claimLine = fc.record({ code: fc.constantFrom(...CODES), modifiers: fc.subarray(MODIFIERS, { maxLength: 2 }) });
const claimDate = fc.constantFrom('2014-06-01', '2016-03-01', '2021-01-01', '2026-02-01', '2026-05-01', '2026-05-20', '2026-11-01');

describe('PTP findings (property)', () => {
  it('the random table holds pairs in both parts, recurring pairs and every indicator', () => {
    expect(new Set(table.map((r) => r.part))).toEqual(new Set([0, 1]));
    expect(new Set(table.map((r) => r.modifier))).toEqual(new Set([0, 1, 9]));
    expect(table.length).toBeGreaterThan(new Set(table.map((r) => `${r.col1} ${r.col2}`)).size);
  });

  for (const [name, db] of [['without partner lists', () => plain], ['with partner lists', () => withLists]] as const) {
    it(`claims checked one after another get the reference findings (${name})`, () => {
      fc.assert(
        fc.property(fc.array(claimLine, { minLength: 0, maxLength: 14 }), claimDate, (lines, date) => {
          const findings = check(db(), { setting: 'professional', dateOfService: date, diagnoses: [{ code: 'I10' }], procedures: lines });
          expect(actual(findings)).toEqual(expected(table, lines, date));
        }),
        { numRuns: 300 },
      );
    });
  }
});
