/**
 * Content schema for the search area: its migration's SQL (see content-migrations.ts).
 *
 * entry_point_fts indexes the words of every entry point (Tabular inclusion terms, Alphabetic
 * Index and PCS index paths), kept in step with entry_point by triggers, so whichever
 * importer writes entry points, search sees them, and a file's rows leave with it (the
 * cascade from entry_source fires the delete trigger). `target` is the code the entry leads
 * to in the codes table: a PCS index partial code (0UT9) leads to its table (0UT).
 */
export const SEARCH_SCHEMA_SQL = `
  CREATE VIRTUAL TABLE entry_point_fts USING fts5(
    term, target UNINDEXED, source_id UNINDEXED,
    prefix = '2 3 4', tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER entry_point_fts_insert AFTER INSERT ON entry_point BEGIN
    INSERT INTO entry_point_fts (rowid, term, target, source_id) VALUES (
      new.id, new.term,
      CASE WHEN length(new.code) BETWEEN 4 AND 6
            AND (SELECT system FROM entry_source WHERE id = new.source_id) = 'icd10pcs'
           THEN substr(new.code, 1, 3) ELSE new.code END,
      new.source_id);
  END;
  CREATE TRIGGER entry_point_fts_delete AFTER DELETE ON entry_point BEGIN
    DELETE FROM entry_point_fts WHERE rowid = old.id;
  END;
  CREATE TRIGGER entry_point_fts_update AFTER UPDATE ON entry_point BEGIN
    DELETE FROM entry_point_fts WHERE rowid = old.id;
    INSERT INTO entry_point_fts (rowid, term, target, source_id) VALUES (
      new.id, new.term,
      CASE WHEN length(new.code) BETWEEN 4 AND 6
            AND (SELECT system FROM entry_source WHERE id = new.source_id) = 'icd10pcs'
           THEN substr(new.code, 1, 3) ELSE new.code END,
      new.source_id);
  END;
`;
