/**
 * Content schema for imported source files: one row per file imported (by its SHA-256, which
 * every release table records too), saying whether it was verified against a known official
 * release. A file imported with "allow unverified" is recorded with verified = 0; a release
 * table row whose digest has no verified row here is shown as unverified (so are rows
 * imported before this table existed: re-import the file to verify it).
 */
export const SOURCE_FILES_SCHEMA_SQL = `
  CREATE TABLE source_file (
    sha256 TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    file TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    verified INTEGER NOT NULL CHECK (verified IN (0, 1)),
    -- The official release it matched, e.g. 'ICD-10-CM FY2026 order file'; NULL when unverified.
    release TEXT,
    imported_at TEXT NOT NULL
  ) WITHOUT ROWID, STRICT;
`;
