/** Content schema for the tabular area: its migration's SQL (see content-migrations.ts). */
export const TABULAR_SCHEMA_SQL = ``;
