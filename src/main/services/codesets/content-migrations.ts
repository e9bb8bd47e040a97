/**
 * Content database schema (code sets; not PHI), as numbered append-only migrations.
 * Never edit a shipped migration: add the next one. Each runs in its own transaction and
 * bumps user_version.
 */
import { DEMO_EDITS_SCHEMA_SQL } from './schema/demo-edits';
import { EDITS_SCHEMA_SQL } from './schema/edits';
import { HCPCS_XREF_SCHEMA_SQL } from './schema/hcpcs-xref';
import { ENTRY_POINTS_SCHEMA_SQL } from './schema/entry-points';
import { INDEXES_SCHEMA_SQL } from './schema/indexes';
import { LISTS_SCHEMA_SQL } from './schema/lists';
import { PCS_SCHEMA_SQL } from './schema/pcs';
import { PTP_PARTNERS_SCHEMA_SQL } from './schema/ptp-partners';
import { SEARCH_SCHEMA_SQL } from './schema/search';
import { SOURCE_FILES_SCHEMA_SQL } from './schema/source-files';
import { TABULAR_SCHEMA_SQL } from './schema/tabular';

export interface ContentMigration {
  version: number;
  name: string;
  sql: string;
}

/** Marks the file as a CodeDesk content database ("CDcs"), so a wrong file is refused clearly. */
export const CONTENT_APPLICATION_ID = 0x43446373;

export const CONTENT_MIGRATIONS: readonly ContentMigration[] = [
  {
    version: 1,
    name: 'content versions, codes, search terms',
    sql: `
      CREATE TABLE content_version (
        id INTEGER PRIMARY KEY,
        system TEXT NOT NULL CHECK (system IN ('icd10cm','icd10pcs','hcpcs','cpt')),
        label TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        effective_to TEXT,
        source TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        is_demo INTEGER NOT NULL CHECK (is_demo IN (0, 1)),
        code_count INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        -- One version per system and start date: re-importing a year replaces it.
        UNIQUE (system, is_demo, effective_from)
      ) STRICT;

      -- id = version_id * 10,000,000 + static rank (billable first, then shorter titles), so
      -- that full-text matches come out of FTS5 in rank order and a LIMIT stops early.
      CREATE TABLE codes (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES content_version(id),
        code TEXT NOT NULL,
        display_code TEXT NOT NULL,
        billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
        short_title TEXT NOT NULL,
        long_title TEXT NOT NULL,
        -- Position in the source file (tabular order).
        seq INTEGER NOT NULL,
        UNIQUE (version_id, code)
      ) STRICT;

      -- Each version also gets its own full-text table, codes_fts_<version id> (contentless
      -- FTS5 over short and long titles), made by version-store.ts when the version is
      -- written: one shared index would make FTS5 read through every earlier version's
      -- entries to reach a later version's rowids. search_terms lists each version's indexed
      -- words, to expand a typed prefix into whole words with one B-tree range scan.
      CREATE TABLE search_terms (
        version_id INTEGER NOT NULL REFERENCES content_version(id),
        term TEXT NOT NULL,
        PRIMARY KEY (version_id, term)
      ) WITHOUT ROWID, STRICT;
    `,
  },
  { version: 2, name: 'entry points (inclusion terms, index paths, synonyms)', sql: ENTRY_POINTS_SCHEMA_SQL },
  { version: 3, name: 'Tabular List: hierarchy, notes, 7th characters', sql: TABULAR_SCHEMA_SQL },
  { version: 4, name: 'ICD-10-CM index tables: drugs, neoplasms, external causes', sql: INDEXES_SCHEMA_SQL },
  { version: 5, name: 'ICD-10-PCS tables, index and definitions', sql: PCS_SCHEMA_SQL },
  { version: 6, name: 'code lists: addenda, HCPCS, CPT', sql: LISTS_SCHEMA_SQL },
  { version: 7, name: 'edit tables: POA exempt, MCE, MUE, add-on codes, NCCI PTP', sql: EDITS_SCHEMA_SQL },
  { version: 8, name: 'search: synonyms and typo tolerance', sql: SEARCH_SCHEMA_SQL },
  { version: 9, name: 'NCCI PTP partner lists', sql: PTP_PARTNERS_SCHEMA_SQL },
  { version: 10, name: 'imported source files: verified against official releases or not', sql: SOURCE_FILES_SCHEMA_SQL },
  { version: 11, name: 'edit tables: the demo subset marked', sql: DEMO_EDITS_SCHEMA_SQL },
  { version: 12, name: 'HCPCS cross-reference codes (replacements of terminated codes)', sql: HCPCS_XREF_SCHEMA_SQL },
];

export const LATEST_CONTENT_VERSION = CONTENT_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
