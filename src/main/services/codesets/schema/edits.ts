/** Content schema for the edits area: its migration's SQL (see content-migrations.ts). */
export const EDITS_SCHEMA_SQL = ``;
