/**
 * Content schema for the indexes area: the ICD-10-CM Alphabetic Index, External Cause index,
 * Table of Drugs and Chemicals and Neoplasm table, one row set per imported release. Terms
 * keep their path (main term → subterms) and their codes as written (dotted, maybe with a
 * trailing '-'); table terms keep one cell per column. index_word lists every word of each
 * table term's path, so table search is a few B-tree range scans.
 */
export const INDEXES_SCHEMA_SQL = `
  -- AUTOINCREMENT: ids are never reused, so a cached id never points at a later release.
  CREATE TABLE index_release (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('index', 'eindex', 'drug', 'neoplasm')),
    fiscal_year INTEGER NOT NULL,
    label TEXT NOT NULL,               -- 'FY2026', 'FY2026 (April)'
    effective_from TEXT NOT NULL,
    effective_to TEXT NOT NULL,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    term_count INTEGER NOT NULL,
    code_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    -- Re-importing a release replaces it.
    UNIQUE (kind, label)
  ) STRICT;
  CREATE INDEX index_release_newest ON index_release(kind, effective_from);

  -- Column titles of a table (col 1 is the term column).
  CREATE TABLE index_column (
    release_id INTEGER NOT NULL REFERENCES index_release(id) ON DELETE CASCADE,
    col INTEGER NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (release_id, col)
  ) WITHOUT ROWID, STRICT;

  CREATE TABLE index_term (
    id INTEGER PRIMARY KEY,
    release_id INTEGER NOT NULL REFERENCES index_release(id) ON DELETE CASCADE,
    parent_id INTEGER,                 -- the term above (no FK: deletes go by release)
    seq INTEGER NOT NULL,              -- document order within the release
    level INTEGER NOT NULL,            -- 0 = main term
    title TEXT NOT NULL,               -- nonessential modifiers kept, in parentheses
    path TEXT NOT NULL,                -- JSON array of titles, main term first
    title_words INTEGER NOT NULL,      -- words in the title (shorter titles rank first)
    code TEXT,                         -- <code>, dotted as written
    manif TEXT,                        -- <manif>
    see TEXT,
    see_also TEXT,
    subcat TEXT,
    seecat TEXT,
    cells TEXT,                        -- tables: JSON array, one per column after col 1, null = no code
    UNIQUE (release_id, seq)
  ) STRICT;

  -- Table search: each word of a term's path (ancestors included), at the shallowest level
  -- it appears, so ranking can prefer main-term matches without reading the terms.
  CREATE TABLE index_word (
    release_id INTEGER NOT NULL REFERENCES index_release(id) ON DELETE CASCADE,
    word TEXT NOT NULL,
    term_id INTEGER NOT NULL,
    level INTEGER NOT NULL,
    PRIMARY KEY (release_id, word, term_id)
  ) WITHOUT ROWID, STRICT;
`;
