/** Content schema for the lists area: its migration's SQL (see content-migrations.ts). */
export const LISTS_SCHEMA_SQL = ``;
