/**
 * claim.check on 25-line claims against full tables: the real FY2026 ICD-10-CM and PCS order
 * files, POA, MCE, MUE and add-on code files from ../shared, and a synthetic practitioner PTP
 * table of 1,000,000 pairs in the CMS layout (the real PTP files are not in ../shared).
 * Target: p95 <= 1 ms per claim. p95 is sensitive to machine load: compare with p50.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeContentDb, openContentDb } from '../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../src/main/services/codesets/import';
import { checkClaim } from '../../src/main/services/edits/check';
import { claimSchema, type ClaimInput } from '../../src/shared/claim';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const PTP_PAIRS = 1_000_000;
const RUNS = 2000;

function syntheticPtp(file: string, cpt: readonly string[]): void {
  const lines = ['Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale'];
  for (let i = 0; i < PTP_PAIRS; i += 1) {
    // Each column-1 code gets ~111 distinct column-2 codes: every pair is unique.
    const a = cpt[i % cpt.length]!;
    const b = cpt[(i + 1 + Math.floor(i / cpt.length)) % cpt.length]!;
    lines.push(`${a}\t${b}\t\t20150101\t*\t${i % 3 === 0 ? 0 : 1}\tStandards of medical / surgical practice`);
  }
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

export const claimCheckBench: BenchModule = {
  name: 'claimCheck',
  run({ repoRoot, tempDir }) {
    const codesets = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets');
    const db = openContentDb(path.join(tempDir, 'content.db'));
    try {
      const cpt = Array.from({ length: 9000 }, (_, i) => String(10000 + i * 9).padStart(5, '0'));
      const ptpFile = path.join(tempDir, 'ccipra-v321r0-f1.txt');
      syntheticPtp(ptpFile, cpt);
      const started = performance.now();
      const summary = importCodeFiles(db, [
        ...['icd10cm/icd10cm_order_2026.txt', 'icd10pcs/icd10pcs_order_2026.txt', 'poa', 'mce', 'mue', 'ncci'].map((f) => path.join(codesets, f)),
        ptpFile,
      ]);
      const importSeconds = (performance.now() - started) / 1000;
      const pcs = db.prepare("SELECT code FROM codes c JOIN content_version v ON v.id = c.version_id WHERE v.system = 'icd10pcs' AND c.billable = 1 LIMIT 10 OFFSET 5000").pluck().all() as string[];
      const dx = db.prepare("SELECT display_code FROM codes c JOIN content_version v ON v.id = c.version_id WHERE v.system = 'icd10cm' AND c.billable = 1 LIMIT 15 OFFSET 20000").pluck().all() as string[];
      const inpatient: ClaimInput = {
        setting: 'inpatient',
        dateOfService: '2026-05-01',
        patient: { age: 70, sex: 'F' },
        diagnoses: dx.map((code, i) => ({ code, poa: i % 5 === 0 ? null : 'Y', principal: i === 0 })),
        procedures: pcs.map((code) => ({ code })),
      };
      const professional = (codes: string[]): ClaimInput => ({
        setting: 'professional',
        dateOfService: '2026-05-01',
        patient: { age: 70, sex: 'F' },
        diagnoses: dx.slice(0, 5).map((code) => ({ code })),
        procedures: [...codes, '0009U', '0071U', '11045', 'J1100'].map((code, i) => ({ code, units: 1 + (i % 3), modifiers: i % 4 === 0 ? ['59'] : [] })),
      });
      // Typical: a few PTP pairs among 20 service lines. Stress: consecutive codes, ~100 pairs hit.
      const typical = professional(Array.from({ length: 14 }, (_, i) => cpt[(i * 401) % cpt.length]!).concat([cpt[1]!, cpt[2]!]));
      const stress = professional(cpt.slice(0, 16));
      const figures: Record<string, unknown> = {};
      const claims = [['inpatient25', inpatient], ['professional25', typical], ['professional25ManyPtpHits', stress]] as const;
      for (const [name, input] of claims) {
        const claim = claimSchema.parse(input);
        for (let i = 0; i < 200; i += 1) checkClaim(db, claim);
        const times: number[] = [];
        let findings = 0;
        for (let i = 0; i < RUNS; i += 1) {
          const t = performance.now();
          findings = checkClaim(db, claim).length;
          times.push(performance.now() - t);
        }
        figures[name] = { lines: claim.diagnoses.length + claim.procedures.length, findings, ...summarise(times) };
      }
      return {
        claimCheck: {
          ...figures,
          targetP95Ms: 1,
          ptpPairs: (db.prepare('SELECT count(*) FROM ptp').pluck().get() as number),
          editRows: summary.files.filter((f) => !f.kind.endsWith('-order')).reduce((n, f) => n + f.codes, 0),
          importSeconds: Math.round(importSeconds * 10) / 10,
        },
      };
    } finally {
      closeContentDb(db);
    }
  },
};
