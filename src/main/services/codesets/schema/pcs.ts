/**
 * Content schema for the pcs area: ICD-10-PCS tables, index and definitions XML, one
 * release per kind and fiscal year (re-importing a year replaces it; children cascade).
 *
 * Tables are stored as the file gives them, never expanded: each table with its axes 1-3 (one
 * value each), and each row's axes 4-7 with their value labels. Valid codes are the Cartesian product of
 * a row's values. Labels live per row because a few tables (XW0, XNS) give the same value a
 * different label in different rows.
 */
export const PCS_SCHEMA_SQL = `
  CREATE TABLE pcs_source (
    -- AUTOINCREMENT: a re-imported release never reuses an id, so caches keyed by id stay right.
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('tables', 'index', 'definitions')),
    fiscal_year INTEGER NOT NULL,
    label TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to TEXT NOT NULL,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    -- Codes the tables expand to; terms for the index and the definitions.
    item_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (kind, fiscal_year)
  ) STRICT;

  CREATE TABLE pcs_table (
    source_id INTEGER NOT NULL REFERENCES pcs_source(id) ON DELETE CASCADE,
    code TEXT NOT NULL,            -- the 3-character table prefix, e.g. 0DT
    seq INTEGER NOT NULL,          -- position in the file
    row_count INTEGER NOT NULL,
    section_title TEXT NOT NULL,   -- axis 1: "Section", and the label of the table's value
    section_label TEXT NOT NULL,
    body_system_title TEXT NOT NULL,
    body_system_label TEXT NOT NULL,
    operation_title TEXT NOT NULL, -- "Operation" (or "Type" in some sections)
    operation_label TEXT NOT NULL,
    operation_definition TEXT,
    PRIMARY KEY (source_id, code)
  ) WITHOUT ROWID, STRICT;

  CREATE TABLE pcs_axis (
    source_id INTEGER NOT NULL REFERENCES pcs_source(id) ON DELETE CASCADE,
    table_code TEXT NOT NULL,
    row_no INTEGER NOT NULL,       -- 1, 2, … per pcsRow, in file order
    pos INTEGER NOT NULL CHECK (pos BETWEEN 4 AND 7),
    title TEXT NOT NULL,           -- Body Part, Approach, Device, Qualifier (or a section's own)
    PRIMARY KEY (source_id, table_code, row_no, pos)
  ) WITHOUT ROWID, STRICT;

  CREATE TABLE pcs_value (
    source_id INTEGER NOT NULL REFERENCES pcs_source(id) ON DELETE CASCADE,
    table_code TEXT NOT NULL,
    row_no INTEGER NOT NULL,
    pos INTEGER NOT NULL CHECK (pos BETWEEN 4 AND 7),
    value TEXT NOT NULL CHECK (length(value) = 1),
    label TEXT NOT NULL,
    PRIMARY KEY (source_id, table_code, row_no, pos, value)
  ) WITHOUT ROWID, STRICT;

  -- Definitions XML: one row per term title (a term may carry a left and a right title).
  CREATE TABLE pcs_definition (
    source_id INTEGER NOT NULL REFERENCES pcs_source(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    pos INTEGER NOT NULL CHECK (pos BETWEEN 1 AND 7),
    axis_title TEXT NOT NULL,
    title_key TEXT NOT NULL,       -- lower-cased title, the lookup key
    title TEXT NOT NULL,
    definition TEXT,
    explanation TEXT,
    includes TEXT NOT NULL,        -- JSON array of strings
    PRIMARY KEY (source_id, section, pos, title_key)
  ) WITHOUT ROWID, STRICT;

  CREATE TABLE pcs_device_aggregation (
    source_id INTEGER NOT NULL REFERENCES pcs_source(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    device TEXT NOT NULL,
    operation TEXT NOT NULL,
    body_systems TEXT NOT NULL,    -- JSON array of body-system titles
    parent_value TEXT NOT NULL,
    parent_label TEXT NOT NULL,
    PRIMARY KEY (source_id, seq)
  ) WITHOUT ROWID, STRICT;

  -- Index XML as a tree (main terms have level 0), for the UI; entry points go to entry_point.
  CREATE TABLE pcs_index_term (
    source_id INTEGER NOT NULL REFERENCES pcs_source(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    parent_seq INTEGER,
    level INTEGER NOT NULL,
    title TEXT,
    code TEXT,                     -- normalised: a full code, a partial code or a table
    code_kind TEXT CHECK (code_kind IN ('code', 'codes', 'tab')),
    see TEXT,
    use TEXT,
    PRIMARY KEY (source_id, seq)
  ) WITHOUT ROWID, STRICT;
  CREATE INDEX pcs_index_term_title ON pcs_index_term(source_id, title COLLATE NOCASE);
`;
