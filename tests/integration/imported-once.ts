/**
 * An integration test file's content database: the official files it names, imported once into
 * a temp folder before its tests and removed after. When the files are missing (../shared not
 * beside the repo) nothing is imported and every use throws `missing`, so each test fails loudly
 * instead of skipping.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { closeContentDb, openContentDb, type ContentDb } from '../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../src/main/services/codesets/import';
import type { ImportSummary } from '../../src/shared/contract';

export interface ImportedOnce {
  db(): ContentDb;
  summary(): ImportSummary;
}

export function importedOnce(opts: {
  tempPrefix: string;
  files: readonly string[];
  present: boolean;
  missing: string;
  timeoutMs: number;
  onProgress?: Parameters<typeof importCodeFiles>[2];
}): ImportedOnce {
  let dir: string | undefined;
  let imported: { db: ContentDb; summary: ImportSummary } | undefined;
  beforeAll(async () => {
    if (!opts.present) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), opts.tempPrefix));
    const db = openContentDb(path.join(dir, 'content.db'));
    imported = { db, summary: await importCodeFiles(db, [...opts.files], opts.onProgress) };
  }, opts.timeoutMs);
  afterAll(() => {
    if (imported) closeContentDb(imported.db);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const get = () => {
    if (!imported) throw new Error(opts.missing);
    return imported;
  };
  return { db: () => get().db, summary: () => get().summary };
}
