/**
 * Writes one index release in one transaction: its row, its table columns, its terms, the
 * words of table terms (for table search) and its entry points (index paths that lead to a
 * code, for code search). Re-importing the same release (kind + label) replaces it whole.
 */
import type { ContentDb } from '../../content-db';
import { indexWords } from '../../alphabetic-index/index-words';
import { codeTarget, isIndexCode, type IndexTerm } from './index-terms';
import type { IndexDocument } from './index-xml';
import { INDEX_KIND_INFO, type IndexKind } from './index-kinds';
import type { IndexRelease } from './index-release';

export interface IndexReleaseMeta {
  kind: IndexKind;
  release: IndexRelease;
  file: string;
  sha256: string;
}

const PROGRESS_EVERY = 2000;

/** The entry_source label of a release: "Table of Drugs and Chemicals FY2026 (April)". */
export function entrySourceLabel(kind: IndexKind, releaseLabel: string): string {
  return `${INDEX_KIND_INFO[kind].name} ${releaseLabel}`;
}

export function writeIndexRelease(
  db: ContentDb,
  meta: IndexReleaseMeta,
  doc: IndexDocument,
  onProgress?: (written: number, total: number) => void,
): { releaseId: number; replaced: boolean; codes: number } {
  return db.transaction(() => {
    const now = new Date().toISOString();
    const replaced = deleteRelease(db, meta.kind, meta.release.label);
    const { release } = meta;
    const releaseId = Number(
      db
        .prepare(
          `INSERT INTO index_release (kind, fiscal_year, label, effective_from, effective_to, file, sha256, term_count, code_count, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
        )
        .run(meta.kind, release.fiscalYear, release.label, release.effectiveFrom, release.effectiveTo, meta.file, meta.sha256, doc.terms.length, now)
        .lastInsertRowid,
    );
    const insertColumn = db.prepare('INSERT INTO index_column (release_id, col, title) VALUES (?, ?, ?)');
    doc.columns.forEach((title, i) => insertColumn.run(releaseId, i + 1, title));
    const sourceId = Number(
      db
        .prepare(
          `INSERT INTO entry_source (kind, system, label, file, sha256, imported_at) VALUES ('index', 'icd10cm', ?, ?, ?, ?)`,
        )
        .run(entrySourceLabel(meta.kind, release.label), meta.file, meta.sha256, now).lastInsertRowid,
    );
    const codes = insertTerms(db, releaseId, sourceId, doc, INDEX_KIND_INFO[meta.kind].table, onProgress);
    db.prepare('UPDATE index_release SET code_count = ? WHERE id = ?').run(codes, releaseId);
    return { releaseId, replaced, codes };
  })();
}

function insertTerms(
  db: ContentDb,
  releaseId: number,
  sourceId: number,
  doc: IndexDocument,
  isTable: boolean,
  onProgress?: (written: number, total: number) => void,
): number {
  const insertTerm = db.prepare(
    `INSERT INTO index_term (release_id, parent_id, seq, level, title, path, title_words, code, manif, see, see_also, subcat, seecat, cells)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertWord = db.prepare('INSERT INTO index_word (release_id, word, term_id, level) VALUES (?, ?, ?, ?)');
  const insertEntry = db.prepare('INSERT INTO entry_point (source_id, term, code, path) VALUES (?, ?, ?, ?)');
  const columns = doc.columns.slice(1);
  const ids = new Map<number, number>();
  let codes = 0;
  const entry = (code: string, displayPath: string): void => {
    insertEntry.run(sourceId, indexWords(displayPath).join(' '), codeTarget(code), displayPath);
    codes++;
  };
  const total = doc.terms.length;
  doc.terms.forEach((t, i) => {
    const parentId = t.parentSeq === null ? null : (ids.get(t.parentSeq) ?? null);
    const id = Number(
      insertTerm.run(
        releaseId, parentId, t.seq, t.level, t.title, JSON.stringify(t.path), indexWords(t.title).length,
        t.code, t.manif, t.see, t.seeAlso, t.subcat, t.seecat, t.cells === null ? null : JSON.stringify(t.cells),
      ).lastInsertRowid,
    );
    ids.set(t.seq, id);
    if (isTable) for (const [word, level] of pathWords(t)) insertWord.run(releaseId, word, id, level);
    const displayPath = t.path.join(' > ');
    for (const codes of [t.code, t.subcat, t.seecat]) for (const code of codes?.split(' ') ?? []) entry(code, displayPath);
    // <manif> holds a bracketed manifestation code in the Alphabetic Index (text in the Neoplasm table).
    for (const manif of t.manif?.split(' ') ?? []) if (isIndexCode(manif)) entry(manif, displayPath);
    t.cells?.forEach((cell, col) => {
      if (cell !== null) entry(cell, `${displayPath} > ${columns[col] ?? `column ${col + 2}`}`);
    });
    const written = i + 1;
    if (onProgress && (written % PROGRESS_EVERY === 0 || written === total)) onProgress(written, total);
  });
  return codes;
}

/** Each word of the term's path with the shallowest level it appears at. */
export function pathWords(term: Pick<IndexTerm, 'path'>): Map<string, number> {
  const words = new Map<string, number>();
  term.path.forEach((title, level) => {
    for (const word of indexWords(title)) if (!words.has(word)) words.set(word, level);
  });
  return words;
}

/** Removes a release and its entry points; true when there was one. */
function deleteRelease(db: ContentDb, kind: IndexKind, label: string): boolean {
  const existing = db.prepare('SELECT id FROM index_release WHERE kind = ? AND label = ?').get(kind, label) as { id: number } | undefined;
  const source = `SELECT id FROM entry_source WHERE kind = 'index' AND system = 'icd10cm' AND label = ?`;
  // Explicit, so it does not depend on foreign_keys being on for this connection.
  db.prepare(`DELETE FROM entry_point WHERE source_id IN (${source})`).run(entrySourceLabel(kind, label));
  db.prepare(`DELETE FROM entry_source WHERE id IN (${source})`).run(entrySourceLabel(kind, label));
  if (!existing) return false;
  for (const table of ['index_word', 'index_term', 'index_column']) {
    db.prepare(`DELETE FROM ${table} WHERE release_id = ?`).run(existing.id);
  }
  db.prepare('DELETE FROM index_release WHERE id = ?').run(existing.id);
  return true;
}
