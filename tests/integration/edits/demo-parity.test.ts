/**
 * The demo applies the same edits as the official files: the official POA-exempt lists, MCE,
 * MUE and add-on code files from ../shared are imported once; the demo code subset is loaded
 * beside them (so validity is the same on both sides), and every demo chart is checked on that
 * database and on one holding only the demo (codes + demo edit tables). The findings must be
 * equal but for the file and line each cites. Where they differ, the demo subset
 * (resources/demo/edits) lacks rows: fix the subset, not this test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoCharts, type DemoChart } from '../../../src/main/services/charts/demo';
import { claimForChart } from '../../../src/main/services/charts/validate';
import { closeContentDb, openContentDb, type ContentDb } from '../../../src/main/services/codesets/content-db';
import { loadDemoCodes } from '../../../src/main/services/codesets/demo-codes';
import { loadDemoEditTables } from '../../../src/main/services/codesets/demo-edits';
import { claimLines, type ProcedureSystem } from '../../../src/main/services/edits/claim-lines';
import { checkLines } from '../../../src/main/services/edits/check';
import type { Finding } from '../../../src/shared/claim';
import type { Coding } from '../../../src/shared/domain';
import { importedOnce } from '../imported-once';
import { CODESETS, DATA_PRESENT, MISSING } from './real-db';

const RESOURCES = path.resolve(import.meta.dirname, '..', '..', '..', 'resources');
const DEMO_CODES = path.join(RESOURCES, 'demo', 'codes');

const official = importedOnce({
  tempPrefix: 'codedesk-demo-parity-',
  files: ['poa', 'mce', 'mue', 'ncci'].map((f) => path.join(CODESETS, f)),
  present: DATA_PRESENT,
  missing: MISSING,
  timeoutMs: 180_000,
});

let demoDir: string | undefined;
let demo: ContentDb | undefined;
beforeAll(async () => {
  if (!DATA_PRESENT) return;
  loadDemoCodes(official.db(), DEMO_CODES);
  demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-demo-only-'));
  demo = openContentDb(path.join(demoDir, 'content.db'));
  loadDemoCodes(demo, DEMO_CODES);
  await loadDemoEditTables(demo, path.join(RESOURCES, 'demo', 'edits'));
}, 60_000);
afterAll(() => {
  if (demo) closeContentDb(demo);
  if (demoDir) fs.rmSync(demoDir, { recursive: true, force: true });
});

const answerKeys: Record<string, Coding> = Object.assign(
  {},
  ...['a', 'b'].map((k) => JSON.parse(fs.readFileSync(path.join(RESOURCES, 'demo', `answer-key-${k}.json`), 'utf8')) as Record<string, Coding>),
);

/** Every billable code of the demo subset, by system (codes/<system>-*.tsv). */
function demoCodes(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of fs.readdirSync(DEMO_CODES)) {
    const system = name.split(/[-.]/)[0]!;
    for (const line of fs.readFileSync(path.join(DEMO_CODES, name), 'utf8').split('\n')) {
      const [code, billable] = line.split('\t');
      if (line.startsWith('#') || billable !== '1') continue;
      out.set(system, [...(out.get(system) ?? []), code!]);
    }
  }
  return out;
}

/** A finding without the file and line it cites; the release label and any fallback note stay. */
function comparable(f: Finding): string {
  const source = f.source.replace(/^.*? \((.*?)(?:, demo subset)?\)(?: line \d+)?/, '($1)');
  return JSON.stringify({ ...f, source });
}

function check(db: ContentDb, chart: DemoChart, coding: Coding): string[] {
  const claim = claimForChart({ setting: chart.setting, codingDate: chart.dischargeDate, patient: { age: chart.patient.age, sex: chart.patient.sex } }, coding);
  return checkLines(db, claimLines(claim, coding.procedures.map((p) => p.system))).map(comparable);
}

/** The chart's answer key, the three reported cases, and each demo code on its own in the chart's setting. */
function codings(chart: DemoChart, codes: Map<string, string[]>): Coding[] {
  const key = answerKeys[chart.id] ?? { diagnoses: [], procedures: [] };
  const principal = key.diagnoses[0] ?? { code: 'I10', poa: 'Y' as const };
  const px = (system: ProcedureSystem, code: string, modifiers: string[] = [], units = 1) => ({ system, code, modifiers, units, date: null });
  const out: Coding[] = [
    key,
    // POA 1 on an exempt code, LT on a procedure, a maternity code on whoever the patient is.
    { diagnoses: [principal, { code: 'Z79.4', poa: '1' }, { code: 'O24.420', poa: 'Y' }], procedures: [px('cpt', '66984', ['LT'])] },
  ];
  for (const code of codes.get('icd10cm') ?? []) {
    out.push({ diagnoses: [{ code, poa: '1' }], procedures: [] }, { diagnoses: [principal, { code, poa: 'Y' }], procedures: [] });
  }
  for (const system of ['icd10pcs', 'cpt', 'hcpcs'] as const) {
    for (const code of codes.get(system) ?? []) {
      // 99 units: over every MUE; alone: an add-on without its primary; with the key's procedures: with it.
      out.push({ diagnoses: [principal], procedures: [px(system, code, ['LT'], 99)] }, { diagnoses: [principal], procedures: [...key.procedures, px(system, code)] });
    }
  }
  return out;
}

describe('the demo applies the same edits as the official files', () => {
  it('the official files are there', () => {
    expect(DATA_PRESENT, MISSING).toBe(true);
  });

  it('every demo chart gets the same findings with the demo tables as with the official ones', () => {
    const codes = demoCodes();
    const charts = readDemoCharts(RESOURCES);
    expect(charts.length).toBeGreaterThanOrEqual(40);
    let checked = 0;
    const differences: string[] = [];
    for (const chart of charts) {
      for (const coding of codings(chart, codes)) {
        const want = check(official.db(), chart, coding);
        const got = check(demo!, chart, coding);
        checked += 1;
        if (JSON.stringify(want) !== JSON.stringify(got) && differences.length < 10) {
          differences.push(`${chart.id} ${JSON.stringify(coding)}\n  official: ${want.join('\n            ')}\n  demo:     ${got.join('\n            ')}`);
        }
      }
    }
    expect(differences, differences.join('\n')).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  }, 300_000);

  it('for every demo code, the demo tables hold exactly the official rows (the rows no demo patient triggers too)', () => {
    const all = JSON.stringify([...demoCodes().values()].flat().map((c) => c.replace('.', '').toUpperCase()));
    // The release in force on the demo charts' dates (the FY2025 POA list is official-only).
    const tables: Record<string, string> = {
      poa: "SELECT t.code FROM poa_exempt t JOIN edit_file f ON f.id = t.file_id WHERE f.label LIKE 'POA exempt FY2026%' AND t.code IN (SELECT value FROM json_each(?)) ORDER BY 1",
      mce: 'SELECT edit, part, grp, code FROM mce_code WHERE code IN (SELECT value FROM json_each(?)) ORDER BY 1, 2, 3, 4',
      mue: "SELECT f.variant, code, value, mai, mai_label, rationale FROM mue t JOIN edit_file f ON f.id = t.file_id WHERE f.variant <> 'dme' AND code IN (SELECT value FROM json_each(?)) ORDER BY 1, 2",
      aoc: 'SELECT addon, primary_code, edit_type, addon_deleted, primary_deleted, effective_from, effective_to FROM aoc WHERE addon IN (SELECT value FROM json_each(?)) ORDER BY 1, 2, 6',
    };
    for (const [name, sql] of Object.entries(tables)) {
      const want = official.db().prepare(sql).all(all);
      expect(demo!.prepare(sql).all(all), name).toEqual(want);
      expect(want.length, name).toBeGreaterThan(0);
    }
    const headings = 'SELECT edit, part, title, active FROM mce_edit ORDER BY 1, 2';
    expect(demo!.prepare(headings).all()).toEqual(official.db().prepare(headings).all());
  });

  it('the reported cases: POA 1 on Z79.4 and LT accepted, O24.420 on the 67-year-old man flagged, on both sides', () => {
    const chart = readDemoCharts(RESOURCES).find((c) => c.id === 'IP-260101')!;
    expect(chart.patient).toMatchObject({ age: 67, sex: 'M' });
    const coding: Coding = { diagnoses: [{ code: 'A41.51', poa: 'Y' }, { code: 'Z79.4', poa: '1' }, { code: 'O24.420', poa: 'Y' }], procedures: [] };
    for (const db of [official.db(), demo!]) {
      const edits = check(db, chart, coding).map((f) => JSON.parse(f) as Finding);
      expect(edits.map((f) => `${f.edit} ${f.codes.join(',')}`)).toEqual(['mce.age.maternity O24.420']);
    }
  });
});
