/** Index fixtures (written in the official layout) and "nothing changed" snapshots of the index tables. */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { tempDir, writeFile } from '../codesets/helpers';

export const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'indexes');

export const FIXTURE = {
  index: 'icd10cm_index_2026.xml',
  eindex: 'icd10cm-eindex-April-1-2026-XML.xml',
  drug: 'icd10cm-drug-April-1-2026-XML.xml',
  neoplasm: 'icd10cm-neoplasm-April-1-2026-XML.xml',
} as const;

export function fixtureText(kind: keyof typeof FIXTURE): string {
  return fs.readFileSync(path.join(FIXTURES, FIXTURE[kind]), 'utf8');
}

/** Writes `text` (or Buffer) as `name` in a fresh temp folder; returns its path. */
export function fileWith(name: string, text: string | Buffer): string {
  if (typeof text === 'string') return writeFile(tempDir(), name, text);
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

/** Everything the indexes area and the entry points hold. */
export function indexSnapshot(db: ContentDb): unknown {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    releases: all('SELECT * FROM index_release ORDER BY id'),
    columns: all('SELECT * FROM index_column ORDER BY release_id, col'),
    terms: all('SELECT count(*) AS n, sum(id) AS ids FROM index_term'),
    words: all('SELECT count(*) AS n FROM index_word'),
    sources: all('SELECT * FROM entry_source ORDER BY id'),
    entries: all('SELECT count(*) AS n, sum(id) AS ids FROM entry_point'),
  };
}

export interface TermDb {
  seq: number;
  level: number;
  title: string;
  path: string;
  code: string | null;
  manif: string | null;
  see: string | null;
  see_also: string | null;
  subcat: string | null;
  seecat: string | null;
  cells: string | null;
  parent_id: number | null;
  id: number;
}

export function termsOf(db: ContentDb, kind: string): TermDb[] {
  return db
    .prepare('SELECT t.* FROM index_term t JOIN index_release r ON r.id = t.release_id WHERE r.kind = ? ORDER BY t.seq')
    .all(kind) as TermDb[];
}

export function entriesOf(db: ContentDb, label: string): { term: string; code: string; path: string }[] {
  return db
    .prepare('SELECT e.term, e.code, e.path FROM entry_point e JOIN entry_source s ON s.id = e.source_id WHERE s.label = ? ORDER BY e.id')
    .all(label) as { term: string; code: string; path: string }[];
}
