/**
 * Loads the demo subset of the edit tables (resources/demo/edits): hand-picked rows of the
 * official CMS/CDC files, in the official layout under a '#' header naming the source file and
 * release. Each file goes through the official importer (importers/edit-tables), so the demo
 * runs the same edits on the same tables; it is then marked demo (an official table of the
 * same kind is always preferred) and its cited lines count the header, so "line N" is line N
 * of the demo file. An official file already imported under the same release is never
 * replaced: that demo file is left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppFailure } from '../../../shared/result';
import type { ContentDb } from './content-db';
import { row, run, value, values } from '../db/rows';
import { importFailure } from './import-failure';
import { EDIT_TABLE_IMPORTERS } from './importers/edit-tables';
import { importerFor } from './importers/registry';
import type { ImportSource } from './importers/types';

/** Every edit table with a `line` column (services/codesets/schema/edits.ts). */
const LINE_TABLES = ['poa_exempt', 'poa_change', 'mce_edit', 'mce_code', 'mue', 'aoc', 'ptp'] as const;
const SNIFF_BYTES = 4096;
const DEMO_EDIT_LABEL = 'demo subset';

interface Header {
  lines: number;
  body: Buffer;
}

/** The leading '#' lines (at least one, naming the source) and the official-layout rest. */
function splitHeader(name: string, bytes: Buffer): Header {
  let at = 0;
  let lines = 0;
  while (at < bytes.length && bytes[at] === 0x23 /* # */) {
    const end = bytes.indexOf(0x0a, at);
    if (end < 0) break;
    at = end + 1;
    lines += 1;
  }
  if (lines === 0) throw importFailure(name, 1, 'a demo edit table starts with # lines naming its source file and release');
  return { lines, body: bytes.subarray(at) };
}

function sourceOf(path: string, name: string, body: Buffer): ImportSource {
  return {
    path,
    name,
    head: body.subarray(0, SNIFF_BYTES).toString('latin1'),
    read: () => body,
    chunks: () => [body],
  };
}

const officialKeys = (db: ContentDb): Set<string> =>
  new Set(values<string>(db, "SELECT kind || '/' || variant || '/' || part || '/' || effective_from FROM edit_file WHERE is_demo = 0"));

/** Marks file `id` demo and moves its cited lines past the header; false when it stands where an official file was. */
function markDemo(db: ContentDb, id: number, headerLines: number, official: ReadonlySet<string>): boolean {
  const file = row<{ kind: string; variant: string; part: string; effective_from: string }>(db, 'SELECT kind, variant, part, effective_from FROM edit_file WHERE id = ?', id);
  if (!file || official.has(`${file.kind}/${file.variant}/${file.part}/${file.effective_from}`)) return false;
  run(db, "UPDATE edit_file SET is_demo = 1, label = label || ', ' || ? WHERE id = ?", DEMO_EDIT_LABEL, id);
  for (const table of LINE_TABLES) {
    // Through the negatives: a key holding the line (poa_change) never meets a row not moved yet.
    run(db, `UPDATE ${table} SET line = -(line + ?) WHERE file_id = ?`, headerLines, id);
    run(db, `UPDATE ${table} SET line = -line WHERE file_id = ?`, id);
  }
  return true;
}

/** An import failure's line counted in the demo file (the importer counted from after the header). */
function linesPastHeader(error: unknown, headerLines: number): unknown {
  if (!(error instanceof AppFailure) || error.code !== 'IMPORT_FAILED') return error;
  const { file, line, reason } = (error.detail ?? {}) as { file?: unknown; line?: unknown; reason?: unknown };
  if (typeof file !== 'string' || typeof line !== 'number' || typeof reason !== 'string' || line <= 0) return error;
  return importFailure(file, line + headerLines, reason);
}

/** Loads every demo edit table in `dir`; returns the rows loaded. Reloading replaces the demo tables. */
export async function loadDemoEditTables(db: ContentDb, dir: string): Promise<number> {
  const folder = basename(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw importFailure(folder, 0, 'no such folder');
  const names = readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isFile())
    .sort();
  let total = 0;
  for (const name of names) {
    const { lines, body } = splitHeader(name, readFileSync(join(dir, name)));
    const source = sourceOf(join(dir, name), name, body);
    const importer = importerFor(source, EDIT_TABLE_IMPORTERS);
    if (!importer) throw importFailure(name, lines + 1, 'not an edit table in an official layout');
    importer.check?.(source);
    const official = officialKeys(db);
    // A savepoint around the importer's own transaction: the file is kept only where no
    // official release of the same key was (the importer replaces by key).
    db.exec('SAVEPOINT demo_edit_table');
    try {
      const summary = await importer.run({ db, progress: () => undefined }, source);
      const id = value<number>(db, 'SELECT max(id) FROM edit_file') ?? 0;
      if (markDemo(db, id, lines, official)) {
        total += summary.codes;
        db.exec('RELEASE demo_edit_table');
      } else {
        db.exec('ROLLBACK TO demo_edit_table');
        db.exec('RELEASE demo_edit_table');
      }
    } catch (error) {
      if (db.inTransaction) {
        db.exec('ROLLBACK TO demo_edit_table');
        db.exec('RELEASE demo_edit_table');
      }
      throw linesPastHeader(error, lines);
    }
  }
  return total;
}
