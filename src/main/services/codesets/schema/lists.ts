/**
 * Content schema for the lists area: its migration's SQL (see content-migrations.ts).
 * - code_change: the change records of the CM order/codes addenda and the PCS order addenda,
 *   per system and fiscal-year label (a re-import of the same file kind replaces its rows).
 * - code_list_file: which list files were imported against a version (the CM codes file, which
 *   is checked against the order file rather than replacing it).
 * - hcpcs_item: HCPCS Level II codes and modifiers with their dates (a code is valid on a date
 *   only from its action effective date up to its termination date).
 */
export const LISTS_SCHEMA_SQL = `
  CREATE TABLE code_change (
    system TEXT NOT NULL CHECK (system IN ('icd10cm','icd10pcs')),
    label TEXT NOT NULL,
    source_kind TEXT NOT NULL CHECK (source_kind IN ('order-addenda','codes-addenda')),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('add','delete','revise-from','revise-to')),
    code TEXT NOT NULL,
    -- Order addenda carry the billable flag (CM) or imply it (PCS: 7 characters); codes addenda list billable codes only.
    billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
    short_title TEXT,
    long_title TEXT NOT NULL,
    PRIMARY KEY (system, label, source_kind, seq)
  ) STRICT;
  CREATE INDEX code_change_code ON code_change (system, label, code);

  CREATE TABLE change_source (
    system TEXT NOT NULL,
    label TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (system, label, source_kind)
  ) STRICT;

  CREATE TABLE code_list_file (
    version_id INTEGER NOT NULL REFERENCES content_version(id),
    kind TEXT NOT NULL,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (version_id, kind)
  ) STRICT;

  CREATE TABLE hcpcs_item (
    version_id INTEGER NOT NULL REFERENCES content_version(id),
    code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('code','modifier')),
    -- YYYY-MM-DD; null when the file leaves it blank.
    added_on TEXT,
    effective_from TEXT,
    terminated_on TEXT,
    action_code TEXT,
    PRIMARY KEY (version_id, kind, code)
  ) STRICT;
`;
