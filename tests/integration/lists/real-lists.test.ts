/** The official FY2025/FY2026 codes files and addenda and the October 2025 HCPCS xlsx from ../shared. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeContentDb, openContentDb, type ContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import { summariseChanges } from '../../../src/main/services/codesets/code-changes/summary';
import { CODESETS } from '../../main/helpers/temp';

const cm = (...p: string[]) => path.join(CODESETS, 'icd10cm', ...p);
const pcs = (...p: string[]) => path.join(CODESETS, 'icd10pcs', ...p);

describe('mislabeled and wrong files', () => {
  it('refuses the AOC workbook renamed as an HCPCS file, naming the missing columns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-lists-'));
    const db = openContentDb(path.join(dir, 'content.db'));
    try {
      const renamed = path.join(dir, 'HCPC2025_OCT_ANWEB.xlsx');
      fs.copyFileSync(path.join(CODESETS, 'ncci', 'AOC_V2026Q2-MCR.xlsx'), renamed);
      // Under a known release's name, the manifest refuses it first; under a name no release has, the importer does.
      await expect(importCodeFiles(db, [renamed])).rejects.toThrow(
        'HCPC2025_OCT_ANWEB.xlsx: expected the HCPCS Level II October 2025 (1,867,538 bytes) but found 225,084 bytes: the file looks truncated or altered',
      );
      const unknown = path.join(dir, 'HCPC2026_JAN_ANWEB.xlsx');
      fs.renameSync(renamed, unknown);
      await expect(importCodeFiles(db, [unknown], undefined, { allowUnverified: true })).rejects.toThrow(
        /HCPC2026_JAN_ANWEB.xlsx line 1: not an HCPCS ANWEB sheet: the header lacks/,
      );
      expect(db.prepare('SELECT count(*) AS n FROM content_version').get()).toEqual({ n: 0 });
    } finally {
      closeContentDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('official code lists', () => {
  let db: ContentDb;
  beforeAll(async () => {
    // Fails loudly when ../shared is missing, rather than skipping.
    expect(fs.existsSync(cm('icd10cm_codes_2026.txt')), `missing ${CODESETS}`).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-lists-'));
    db = openContentDb(path.join(dir, 'content.db'));
    await importCodeFiles(db, [
      cm('fy2025', 'icd10cm_order_2025.txt'),
      cm('icd10cm_order_2026.txt'),
      cm('icd10cm_codes_2026.txt'),
      cm('icd10cm_codes_addenda_2026.txt'),
      cm('icd10cm_order_addenda_2026.txt'),
      pcs('order_addenda_2026.txt'),
      path.join(CODESETS, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx'),
    ]);
    return () => {
      closeContentDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }, 300_000);

  it('checks the FY2026 codes file against the order file: 74,719 billable codes agree, headers kept', () => {
    const version = db.prepare("SELECT id, code_count FROM content_version WHERE system = 'icd10cm' AND label = 'FY2026'").get() as { id: number; code_count: number };
    expect(version.code_count).toBe(74_719 + 23_467);
    const file = db.prepare("SELECT rows FROM code_list_file WHERE version_id = ? AND kind = 'icd10cm-codes'").get(version.id) as { rows: number };
    expect(file.rows).toBe(74_719);
  });

  it('stores the codes addenda: 487 Add, 28 Delete, 38 Revise pairs', () => {
    const counts = db
      .prepare("SELECT action, count(*) AS n FROM code_change WHERE system = 'icd10cm' AND source_kind = 'codes-addenda' GROUP BY action ORDER BY action")
      .all();
    expect(counts).toEqual([
      { action: 'add', n: 487 },
      { action: 'delete', n: 28 },
      { action: 'revise-from', n: 38 },
      { action: 'revise-to', n: 38 },
    ]);
    const pcsAdds = db.prepare("SELECT count(*) AS n FROM code_change WHERE system = 'icd10pcs' AND action = 'add'").get();
    expect(pcsAdds).toEqual({ n: 160 });
  });

  it('summarises FY2025 to FY2026 from the addenda, B88.0 turning into a header', () => {
    const summary = summariseChanges(db, { system: 'icd10cm' });
    expect([summary.from, summary.to]).toEqual(['FY2025', 'FY2026']);
    expect([summary.added.length, summary.deleted.length, summary.revised.length]).toEqual([487, 28, 38]);
    expect(summary.basis).toBe('icd10cm_codes_addenda_2026.txt');
    expect(summary.deleted).toContainEqual({ code: 'B88.0', title: 'Other acariasis' });
    expect(summary.billableChanged).toContainEqual({ code: 'B88.0', title: 'Other acariasis', billable: false });
    expect(summary.added.map((a) => a.code)).toContain('B88.01');
  });

  it('gets the same additions and deletions by comparing the code tables', () => {
    const fromAddenda = summariseChanges(db, { system: 'icd10cm' });
    db.prepare("DELETE FROM change_source WHERE system = 'icd10cm'").run();
    const fromTables = summariseChanges(db, { system: 'icd10cm' });
    expect(fromTables.basis).toBe('comparison of the FY2025 and FY2026 code tables');
    expect(new Set(fromTables.added.map((a) => a.code))).toEqual(new Set(fromAddenda.added.map((a) => a.code)));
    expect(new Set(fromTables.deleted.map((a) => a.code))).toEqual(new Set(fromAddenda.deleted.map((a) => a.code)));
    expect(fromTables.billableChanged).toContainEqual({ code: 'B88.0', title: 'Other acariasis', billable: false });
  });

  it('imports the HCPCS quarter: 8,463 codes and 383 modifiers, no D codes, 1,225 with a termination date', () => {
    const version = db.prepare("SELECT id, label, effective_from, source FROM content_version WHERE system = 'hcpcs'").get() as {
      id: number;
      label: string;
      effective_from: string;
      source: string;
    };
    expect([version.label, version.effective_from]).toEqual(['2025 Q4', '2025-10-01']);
    expect(version.source).toContain('no D codes');
    const kinds = db.prepare('SELECT kind, count(*) AS n FROM hcpcs_item WHERE version_id = ? GROUP BY kind ORDER BY kind').all(version.id);
    expect(kinds).toEqual([
      { kind: 'code', n: 8463 },
      { kind: 'modifier', n: 383 },
    ]);
    expect(db.prepare("SELECT count(*) AS n FROM codes WHERE version_id = ? AND code LIKE 'D%' AND length(code) = 5").get(version.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM hcpcs_item WHERE version_id = ? AND terminated_on IS NOT NULL').get(version.id)).toEqual({ n: 1225 });
    expect(db.prepare("SELECT count(*) AS n FROM hcpcs_item WHERE version_id = ? AND code LIKE ' %'").get(version.id)).toEqual({ n: 0 });
  });
});
