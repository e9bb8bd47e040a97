/** Content schema for the search area: its migration's SQL (see content-migrations.ts). */
export const SEARCH_SCHEMA_SQL = ``;
