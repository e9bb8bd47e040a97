/** Content schema for the pcs area: its migration's SQL (see content-migrations.ts). */
export const PCS_SCHEMA_SQL = ``;
