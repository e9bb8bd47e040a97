/** One content database of real files for a whole test file (imports are too slow to repeat per test). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeContentDb, openContentDb, type ContentDb } from '../../../src/main/services/codesets/content-db';
import { importCodeFiles } from '../../../src/main/services/codesets/import';
import { requireRealFiles } from './real-files';

export interface SharedDb {
  db: ContentDb;
  close(): void;
}

/** Imports each file in turn into a fresh database that lives until close(). */
export async function sharedRealDb(files: readonly string[]): Promise<SharedDb> {
  requireRealFiles();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-search-real-'));
  const db = openContentDb(path.join(dir, 'content.db'));
  for (const file of files) await importCodeFiles(db, [file]);
  return {
    db,
    close() {
      closeContentDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
