/** The codes.import API method runs the import in the worker; the app's own connection sees the rows. */
import { describe, expect, it } from 'vitest';
import { call, must, testApp } from '../helpers/app';
import { CM_2025, tempDir, writeFile, writeOrderFile } from '../codesets/helpers';

describe('codes.import through the worker', () => {
  it('imports, emits progress, and search on the app connection finds the new codes', async () => {
    const app = testApp();
    const progress: number[] = [];
    app.events.on((name, payload) => {
      if (name === 'import.progress') progress.push((payload as { line: number }).line);
    });
    // A synthetic file under a name no known release has: imported only as unverified.
    const file = writeOrderFile(tempDir(), 'icd10cm_order_2024.txt', CM_2025);
    const refused = await call(app, 'codes.import', { paths: [file] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/icd10cm_order_2024\.txt: the file matches no official release .*--allow-unverified/);
    const summary = await must(app, 'codes.import', { paths: [file], allowUnverified: true });
    expect(summary.files[0]).toMatchObject({ label: 'FY2024', codes: CM_2025.length, verified: false });
    expect(progress.length).toBeGreaterThan(0);
    const found = await must(app, 'codes.search', { query: 'E11.65', system: 'icd10cm' });
    expect((await must(app, 'codes.versions', {})).map((v) => [v.label, v.verified])).toEqual([['FY2024', false]]);
    expect(found.results[0]?.code).toBe('E11.65');
  });

  it('returns a bad file as IMPORT_FAILED with file, line and reason', async () => {
    const app = testApp();
    const result = await call(app, 'codes.import', { paths: [writeFile(tempDir(), 'notes.txt', 'hello\n')] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'IMPORT_FAILED', detail: { file: 'notes.txt', line: 1 } });
  });
});
