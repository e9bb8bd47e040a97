/** Content schema for the indexes area: its migration's SQL (see content-migrations.ts). */
export const INDEXES_SCHEMA_SQL = ``;
