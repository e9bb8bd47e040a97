/**
 * Content schema for the edits area: its migration's SQL (see content-migrations.ts).
 * One edit_file row per imported file (a PTP table comes in parts f1..f4); every table row
 * keeps the line it came from, so a finding can cite file, version and row.
 */
export const EDITS_SCHEMA_SQL = `
  -- AUTOINCREMENT: a replaced file gets a new id, so caches keyed by id never go stale.
  CREATE TABLE edit_file (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('poa','poa-change','mce','mue','aoc','ptp')),
    -- mue: practitioner | hospital | dme; ptp: practitioner | hospital; poa-change: add | delete | revise.
    variant TEXT NOT NULL,
    part TEXT NOT NULL,
    label TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to TEXT,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (kind, variant, part, effective_from)
  ) STRICT;

  CREATE TABLE poa_exempt (
    file_id INTEGER NOT NULL REFERENCES edit_file(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (file_id, code)
  ) WITHOUT ROWID, STRICT;

  CREATE TABLE poa_change (
    file_id INTEGER NOT NULL REFERENCES edit_file(id) ON DELETE CASCADE,
    action TEXT NOT NULL CHECK (action IN ('add','delete','revise-from','revise-to')),
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (file_id, line)
  ) WITHOUT ROWID, STRICT;

  -- An MCE edit or lettered sublist ("4" + "A"); deactivated ones are kept, marked off.
  CREATE TABLE mce_edit (
    file_id INTEGER NOT NULL REFERENCES edit_file(id) ON DELETE CASCADE,
    edit INTEGER NOT NULL,
    part TEXT NOT NULL,
    title TEXT NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    line INTEGER NOT NULL,
    PRIMARY KEY (file_id, edit, part)
  ) WITHOUT ROWID, STRICT;

  -- grp: a list inside a sublist ('procedures', 'diagnoses', '1'..'3', 'needs-secondary') or ''.
  CREATE TABLE mce_code (
    file_id INTEGER NOT NULL REFERENCES edit_file(id) ON DELETE CASCADE,
    edit INTEGER NOT NULL,
    part TEXT NOT NULL,
    grp TEXT NOT NULL,
    code TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (file_id, code, edit, part, grp)
  ) WITHOUT ROWID, STRICT;

  CREATE TABLE mue (
    file_id INTEGER NOT NULL REFERENCES edit_file(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    value INTEGER NOT NULL,
    mai INTEGER NOT NULL CHECK (mai IN (1, 2, 3)),
    mai_label TEXT NOT NULL,
    rationale TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (file_id, code)
  ) WITHOUT ROWID, STRICT;

  -- primary_code '*' = contractor-defined (CCCCC in the file). Dates ISO; NULL = open.
  CREATE TABLE aoc (
    file_id INTEGER NOT NULL REFERENCES edit_file(id) ON DELETE CASCADE,
    addon TEXT NOT NULL,
    primary_code TEXT NOT NULL,
    edit_type INTEGER NOT NULL,
    addon_deleted TEXT,
    primary_deleted TEXT,
    effective_from TEXT NOT NULL,
    effective_to TEXT,
    line INTEGER NOT NULL,
    PRIMARY KEY (file_id, addon, primary_code, effective_from)
  ) WITHOUT ROWID, STRICT;

  -- modifier: 0 not allowed, 1 allowed, 9 not applicable. A pair may recur with other dates.
  CREATE TABLE ptp (
    file_id INTEGER NOT NULL REFERENCES edit_file(id) ON DELETE CASCADE,
    col1 TEXT NOT NULL,
    col2 TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to TEXT,
    pre1996 INTEGER NOT NULL CHECK (pre1996 IN (0, 1)),
    modifier INTEGER NOT NULL CHECK (modifier IN (0, 1, 9)),
    rationale TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (file_id, col1, col2, effective_from)
  ) WITHOUT ROWID, STRICT;
`;
