/**
 * codes.import through the worker, as the Code sets screen calls it: main emits progress for
 * each file (checking, then reading with rows done/total, then indexing), and the summary
 * names every file of the folder: imported, or skipped with why. codes.sourceFiles lists the
 * imported files with their release.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../src/shared/contract';
import { call, must, testApp } from '../helpers/app';
import { CM_2025, tempDir, writeFile, writeOrderFile } from '../codesets/helpers';

describe('codes.import for the Code sets screen', () => {
  it('emits each file\'s steps with rows done and total, and summarises imported and skipped files', async () => {
    const app = testApp();
    const events: ImportProgress[] = [];
    app.events.on((name, payload) => {
      if (name === 'import.progress') events.push(payload as ImportProgress);
    });
    const folder = tempDir();
    const order = writeOrderFile(folder, 'icd10cm_order_2024.txt', CM_2025);
    writeFile(folder, 'ICD-10-CM-CONVERSION-TABLE-FY2024.xlsx', 'PK not really');
    writeFile(folder, 'notes.txt', 'hello\n');

    const summary = await must(app, 'codes.import', { paths: [folder], allowUnverified: true });
    expect(summary.files.map((f) => [path.basename(f.path), f.label, f.codes, f.release])).toEqual([['icd10cm_order_2024.txt', 'FY2024', CM_2025.length, null]]);
    expect(summary.skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([
      ['ICD-10-CM-CONVERSION-TABLE-FY2024.xlsx', 'the ICD-10-CM conversion table is not imported: code changes come from the order files and their addenda'],
      ['notes.txt', 'not a code-set file CodeDesk recognises'],
    ]);
    expect(events.map((e) => e.step)).toEqual(['checking', 'reading', 'indexing']);
    expect(events.every((e) => e.path === order && e.file === 1 && e.files === 1)).toBe(true);
    expect(events.at(-1)).toMatchObject({ line: CM_2025.length, totalLines: CM_2025.length });

    const files = await must(app, 'codes.sourceFiles', {});
    expect(files.map((f) => [f.file, f.kind, f.release])).toEqual([['icd10cm_order_2024.txt', 'order-file', null]]);
  });

  it('refuses a folder that holds nothing importable, naming it, and changes nothing', async () => {
    const app = testApp();
    const folder = tempDir();
    writeFile(folder, 'notes.txt', 'hello\n');
    const result = await call(app, 'codes.import', { paths: [folder] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(`${path.basename(folder)}: the folder holds no code-set file CodeDesk can import`);
    expect(await must(app, 'codes.versions', {})).toEqual([]);
  });
});
