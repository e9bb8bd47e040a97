/**
 * Content schema for the tabular area: the ICD-10-CM Tabular List (one release per fiscal
 * year) as a tree of chapters, sections and codes, with the notes written at each node and
 * the 7th-character definitions. Codes are stored normalised (no dot); refs are dotted, as
 * written in the note.
 */
export const TABULAR_SCHEMA_SQL = `
  -- AUTOINCREMENT: ids are never reused, so caches keyed by release id stay correct after
  -- a release is replaced.
  CREATE TABLE tabular_release (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fiscal_year INTEGER NOT NULL UNIQUE,
    label TEXT NOT NULL,              -- 'FY2021'
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    node_count INTEGER NOT NULL,
    note_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE tabular_node (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    release_id INTEGER NOT NULL REFERENCES tabular_release(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES tabular_node(id),
    -- 'chapter' | 'section' | 'diag': a section may share its id with a category (B10).
    kind TEXT NOT NULL CHECK (kind IN ('chapter', 'section', 'diag')),
    level TEXT NOT NULL CHECK (level IN ('chapter', 'section', 'category', 'subcategory', 'code')),
    node_key TEXT NOT NULL,           -- chapter number, section id, normalised code
    code TEXT NOT NULL,               -- as shown: '4', 'E08-E13', 'E11.65'
    title TEXT NOT NULL,
    seq INTEGER NOT NULL,             -- document order
    has_children INTEGER NOT NULL CHECK (has_children IN (0, 1)),
    UNIQUE (release_id, kind, node_key)
  ) STRICT;
  CREATE INDEX tabular_node_parent ON tabular_node(parent_id, seq);

  CREATE TABLE tabular_note (
    id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL REFERENCES tabular_node(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('includes', 'inclusionTerm', 'excludes1', 'excludes2', 'codeFirst',
      'useAdditionalCode', 'codeAlso', 'notes', 'sevenChrNote')),
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    refs TEXT NOT NULL                -- JSON array of dotted refs: ["E11.-", "I10-I1A"]
  ) STRICT;
  CREATE INDEX tabular_note_node ON tabular_note(node_id, seq);

  CREATE TABLE tabular_seventh (
    node_id INTEGER NOT NULL REFERENCES tabular_node(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    char TEXT NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (node_id, char)
  ) STRICT;
`;
