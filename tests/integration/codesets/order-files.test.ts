/**
 * The real FY2025 and FY2026 ICD-10-CM and ICD-10-PCS order files from ../shared/data/codesets
 * (never copied into the repo), imported by walking the whole code-set folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupCodes } from '../../main/helpers/lookup-codes';
import { searchCodes } from '../../../src/main/services/codesets/search';
import { listVersions, versionFor } from '../../../src/main/services/codesets/versions';
import { importedOnce } from '../imported-once';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const CODESETS = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'codesets');

const DATA_PRESENT = fs.existsSync(path.join(CODESETS, 'icd10cm', 'icd10cm_order_2026.txt'));
const MISSING = `The official code-set files are missing: expected them under ${CODESETS}`;

// The four order files by name: walking the whole folder now imports every kind (see lists tests).
const ORDER_FILES = [
  'icd10cm/fy2025/icd10cm_order_2025.txt',
  'icd10cm/icd10cm_order_2026.txt',
  'icd10pcs/fy2025/icd10pcs_order_2025.txt',
  'icd10pcs/icd10pcs_order_2026.txt',
];

// Missing data must fail every test here loudly (never skip): see the first test.
const imported = importedOnce({
  tempPrefix: 'codedesk-order-files-',
  files: ORDER_FILES.map((f) => path.join(CODESETS, f)),
  present: DATA_PRESENT,
  missing: MISSING,
  timeoutMs: 120_000,
});
const db = imported.db;

function counts(system: string, label: string) {
  return db()
    .prepare(
      `SELECT count(*) AS rows, sum(c.billable) AS billable FROM codes c
       JOIN content_version v ON v.id = c.version_id WHERE v.system = ? AND v.label = ? AND v.is_demo = 0`,
    )
    .get(system, label);
}

describe('the official order files', () => {
  it('are present next to the repository (../shared/data/codesets)', () => {
    expect(DATA_PRESENT, MISSING).toBe(true);
  });

  it('are each recognised as their kind and fiscal year', () => {
    const found = imported.summary().files.map((f) => [path.relative(CODESETS, f.path), f.kind, f.label, f.codes]);
    expect(found).toEqual([
      ['icd10cm/fy2025/icd10cm_order_2025.txt', 'icd10cm-order', 'FY2025', 97_584],
      ['icd10cm/icd10cm_order_2026.txt', 'icd10cm-order', 'FY2026', 98_186],
      ['icd10pcs/fy2025/icd10pcs_order_2025.txt', 'icd10pcs-order', 'FY2025', 79_856],
      ['icd10pcs/icd10pcs_order_2026.txt', 'icd10pcs-order', 'FY2026', 80_029],
    ]);
    expect(imported.summary().totalCodes).toBe(97_584 + 98_186 + 79_856 + 80_029);
    // Each matches its release in resources/official-releases.json byte for byte.
    expect(imported.summary().files.every((f) => f.verified)).toBe(true);
    expect(listVersions(db()).every((v) => v.verified)).toBe(true);
  });

  it('hold the counts the README gives', () => {
    expect(counts('icd10cm', 'FY2026')).toEqual({ rows: 98_186, billable: 74_719 });
    expect(counts('icd10cm', 'FY2025')).toEqual({ rows: 97_584, billable: 74_260 });
    expect(counts('icd10pcs', 'FY2026')).toEqual({ rows: 79_115 + 914, billable: 79_115 });
    expect(counts('icd10pcs', 'FY2025')).toEqual({ rows: 78_948 + 908, billable: 78_948 });
    expect(listVersions(db()).map((v) => [v.system, v.label, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['icd10cm', 'FY2026', '2025-10-01', '2026-09-30'],
      ['icd10cm', 'FY2025', '2024-10-01', '2025-09-30'],
      ['icd10pcs', 'FY2026', '2025-10-01', '2026-09-30'],
      ['icd10pcs', 'FY2025', '2024-10-01', '2025-09-30'],
    ]);
  });

  it('carry the official titles', () => {
    const cm = lookupCodes(db(), 'icd10cm', ['E11.65', 'S72.001A', 'E11'], '2026-01-15');
    expect(cm.get('E1165')).toEqual({
      code: 'E1165',
      display: 'E11.65',
      title: 'Type 2 diabetes mellitus with hyperglycemia',
      billable: true,
    });
    expect(cm.get('S72001A')).toMatchObject({
      display: 'S72.001A',
      title: 'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
      billable: true,
    });
    expect(cm.get('E11')?.billable).toBe(false);
    const pcs = lookupCodes(db(), 'icd10pcs', ['0016070', '001'], '2026-01-15');
    expect(pcs.get('0016070')).toEqual({
      code: '0016070',
      display: '0016070',
      title: 'Bypass Cerebral Ventricle to Nasopharynx with Autologous Tissue Substitute, Open Approach',
      billable: true,
    });
    expect(pcs.get('001')?.billable).toBe(false);
  });

  it('change between fiscal years: B88.01 is new in FY2026, B88.0 turned from billable into a header', () => {
    const fy2025 = lookupCodes(db(), 'icd10cm', ['B88.0', 'B88.01'], '2025-09-30');
    const fy2026 = lookupCodes(db(), 'icd10cm', ['B88.0', 'B88.01'], '2025-10-01');
    expect(fy2025.get('B8801')).toBeNull();
    expect(fy2025.get('B880')?.billable).toBe(true);
    expect(fy2026.get('B8801')?.billable).toBe(true);
    expect(fy2026.get('B880')?.billable).toBe(false);
    expect(versionFor(db(), 'icd10cm', '2025-09-30')?.label).toBe('FY2025');
    expect(versionFor(db(), 'icd10cm', '2025-10-01')?.label).toBe('FY2026');
  });

  it('are searchable by code prefix and by words', () => {
    const prefix = searchCodes(db(), { query: 'e11.6', system: 'icd10cm', date: '2026-01-15', limit: 10 });
    expect(prefix.map((h) => h.code)).toEqual([
      'E11.6', 'E11.61', 'E11.610', 'E11.618', 'E11.62', 'E11.620', 'E11.621', 'E11.622', 'E11.628', 'E11.63',
    ]);
    const words = searchCodes(db(), { query: 'diab kidn', system: 'icd10cm', date: '2026-01-15', limit: 25 });
    expect(words.map((h) => h.code)).toContain('E11.22');
    // A header comes after a billable code below it (its children first), never before.
    const plain = (code: string) => code.replace('.', '');
    words.forEach((h, i) => {
      if (h.billable) return;
      expect(words.slice(0, i).some((b) => b.billable && plain(b.code).startsWith(plain(h.code))), h.code).toBe(true);
    });
    expect(words.findIndex((h) => !h.billable)).toBeGreaterThan(words.findIndex((h) => h.code === 'E11.22'));
    const both = searchCodes(db(), { query: 'femur', date: '2026-01-15', limit: 50 });
    expect(new Set(both.map((h) => h.system))).toEqual(new Set(['icd10cm', 'icd10pcs']));
  });

  it('list the initial encounter above the sequela of the same injury code', () => {
    const hits = searchCodes(db(), { query: 'fracture left femur neck', system: 'icd10cm', date: '2026-01-15', limit: 25 }).map((h) => h.code);
    expect(hits[0]).toBe('S72.002A');
    for (const stem of new Set(hits.filter((c) => c.length === 8).map((c) => c.slice(0, 7)))) {
      const siblings = hits.filter((c) => c.length === 8 && c.startsWith(stem));
      expect(siblings).toEqual([...siblings].sort());
    }
  });

  it('have one consistent full-text table per version, holding every code', () => {
    for (const v of listVersions(db())) {
      const fts = `codes_fts_${v.id}`;
      expect(db().prepare(`SELECT count(*) AS n FROM ${fts}_docsize`).get()).toEqual({ n: v.codeCount });
      expect(() => db().exec(`INSERT INTO ${fts} (${fts}, rank) VALUES ('integrity-check', 0)`)).not.toThrow();
    }
  });
});
