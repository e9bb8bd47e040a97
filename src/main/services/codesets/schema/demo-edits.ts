/**
 * Content schema: an edit table may be the demo subset (resources/demo/edits), loaded by
 * `demo load` through the official importers. Official tables of a kind replace the demo
 * subset of that kind in every lookup (services/edits/edit-tables.ts).
 */
export const DEMO_EDITS_SCHEMA_SQL = `
  ALTER TABLE edit_file ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1));
`;
