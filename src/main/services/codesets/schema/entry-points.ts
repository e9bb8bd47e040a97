/**
 * Entry points: words that lead to a code without being its title — Tabular inclusion
 * terms, Alphabetic Index paths, synonyms. Importers of those files write rows here (one
 * `source` per imported file); search reads them. Codes are stored normalised (no dot).
 */
export const ENTRY_POINTS_SCHEMA_SQL = `
  CREATE TABLE entry_source (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,            -- 'inclusion' | 'index' | 'synonym'
    system TEXT NOT NULL,
    label TEXT NOT NULL,           -- e.g. 'FY2026', 'Tabular List FY2021'
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (kind, system, label)
  ) STRICT;
  CREATE TABLE entry_point (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES entry_source(id) ON DELETE CASCADE,
    term TEXT NOT NULL,            -- what a coder types: "heart failure, congestive"
    code TEXT NOT NULL,            -- normalised code (or PCS partial code) it leads to
    path TEXT NOT NULL             -- how to show it: "Failure > heart > congestive"
  ) STRICT;
  CREATE INDEX entry_point_code ON entry_point(code);
  CREATE INDEX entry_point_source ON entry_point(source_id);
`;
