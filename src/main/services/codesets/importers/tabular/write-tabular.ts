/**
 * Writes a parsed Tabular List as one release (replacing the same fiscal year), with its
 * inclusion terms as search entry points, in one transaction.
 */
import type { ContentDb } from '../../content-db';
import type { ParsedTabular } from './parse-tabular';

export interface ReleaseMeta {
  fiscalYear: number;
  label: string;
  file: string;
  sha256: string;
}

const PROGRESS_EVERY = 5000;

/** Returns whether an earlier release of the same year was replaced. */
export function writeTabularRelease(
  db: ContentDb,
  meta: ReleaseMeta,
  parsed: ParsedTabular,
  onProgress: (written: number, total: number) => void,
): { replaced: boolean } {
  const total = parsed.nodes.length + parsed.notes.length;
  const entryLabel = `Tabular List ${meta.label}`;
  const insertRelease = db.prepare(
    `INSERT INTO tabular_release (fiscal_year, label, file, sha256, node_count, note_count, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNode = db.prepare(
    `INSERT INTO tabular_node (release_id, parent_id, kind, level, node_key, code, title, seq, has_children)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNote = db.prepare('INSERT INTO tabular_note (node_id, kind, seq, text, refs) VALUES (?, ?, ?, ?, ?)');
  const insertSeventh = db.prepare('INSERT INTO tabular_seventh (node_id, seq, char, title) VALUES (?, ?, ?, ?)');
  const insertSource = db.prepare(
    `INSERT INTO entry_source (kind, system, label, file, sha256, imported_at) VALUES ('inclusion', 'icd10cm', ?, ?, ?, ?)`,
  );
  const insertEntry = db.prepare('INSERT INTO entry_point (source_id, term, code, path) VALUES (?, ?, ?, ?)');

  return db.transaction(() => {
    const replaced = deleteRelease(db, meta.fiscalYear, entryLabel);
    const now = new Date().toISOString();
    const releaseId = Number(
      insertRelease.run(meta.fiscalYear, meta.label, meta.file, meta.sha256, parsed.diagCount, parsed.notes.length, now).lastInsertRowid,
    );
    const ids: number[] = [];
    let written = 0;
    const tick = (): void => {
      written += 1;
      if (written % PROGRESS_EVERY === 0) onProgress(written, total);
    };
    parsed.nodes.forEach((n, seq) => {
      const parentId = n.parent >= 0 ? ids[n.parent] : null;
      const id = insertNode.run(releaseId, parentId ?? null, n.kind, n.level, n.key, n.code, n.title, seq, n.hasChildren ? 1 : 0).lastInsertRowid;
      ids.push(Number(id));
      tick();
    });
    const sourceId = Number(insertSource.run(entryLabel, meta.file, meta.sha256, now).lastInsertRowid);
    parsed.notes.forEach((note, seq) => {
      const node = parsed.nodes[note.node]!;
      insertNote.run(ids[note.node]!, note.kind, seq, note.text, JSON.stringify(note.refs));
      if (note.kind === 'inclusionTerm' && node.kind === 'diag') {
        insertEntry.run(sourceId, note.text, node.key, `${node.code} inclusion term`);
      }
      tick();
    });
    parsed.sevenths.forEach((s, seq) => insertSeventh.run(ids[s.node]!, seq, s.char, s.title));
    onProgress(total, total);
    return { replaced };
  })();
}

function deleteRelease(db: ContentDb, fiscalYear: number, entryLabel: string): boolean {
  const old = db.prepare('SELECT id FROM tabular_release WHERE fiscal_year = ?').get(fiscalYear) as { id: number } | undefined;
  db.prepare("DELETE FROM entry_source WHERE kind = 'inclusion' AND system = 'icd10cm' AND label = ?").run(entryLabel);
  if (!old) return false;
  // Children before parents is not needed: foreign keys are checked at the end of the statement.
  db.prepare('DELETE FROM tabular_seventh WHERE node_id IN (SELECT id FROM tabular_node WHERE release_id = ?)').run(old.id);
  db.prepare('DELETE FROM tabular_note WHERE node_id IN (SELECT id FROM tabular_node WHERE release_id = ?)').run(old.id);
  db.prepare('DELETE FROM tabular_node WHERE release_id = ?').run(old.id);
  db.prepare('DELETE FROM tabular_release WHERE id = ?').run(old.id);
  return true;
}
