/**
 * The ICD-10-PCS tables of one release, in memory for the builder: the table level (axes
 * 1-3) loaded once per release (and definitions release), each table's rows on first use,
 * kept per database connection, so a builder step is a few map lookups. A re-import gets a
 * new release id, so a stale model is never used.
 */
import { AppFailure } from '../../../../shared/result';
import { eachRow, row, value } from '../../db/rows';
import type { ContentDb } from '../content-db';
import { assertIsoDate } from '../versions';

export interface PcsTableModel {
  code: string;
  /** Axis titles by position 1-7 (index 0-6). */
  titles: string[];
  /** Labels of the table's section, body system and operation. */
  fixed: [string, string, string];
  operationDefinition: string | null;
  /** Each row's value → label maps for positions 4-7 (index 0-3); null until first used. */
  rows: Map<string, string>[][] | null;
}

/** Options for positions 1-3: keyed by the prefix before them ('', '0', '0D'). */
export interface PcsLevel {
  axis: string;
  options: Map<string, { label: string; table: PcsTableModel }>;
}

export interface PcsDefinition {
  definition: string | null;
  includes: string[];
}

export interface PcsModel {
  tablesId: number;
  /** The connection the model was read from: a table's rows are read from it on first use. */
  db: ContentDb;
  label: string;
  /** Start of the tables' fiscal year, to find the order file of the same year. */
  effectiveFrom: string;
  tables: Map<string, PcsTableModel>;
  levels: Map<string, PcsLevel>;
  /** Keyed `${section}|${pos}|${lower-case title}`. */
  definitions: Map<string, PcsDefinition>;
}

interface SourceRow {
  id: number;
  fiscal_year: number;
  label: string;
  effective_from: string;
}

const SOURCE_COLUMNS = 'id, fiscal_year, label, effective_from';

const models = new WeakMap<ContentDb, Map<string, PcsModel>>();
/** Releases kept per connection (two fiscal years side by side, plus a re-import). */
const MAX_MODELS = 4;

/** The non-demo ICD-10-PCS order-file version starting on `effectiveFrom`, if imported. */
export function pcsOrderVersionId(db: ContentDb, effectiveFrom: string): number | undefined {
  return value<number>(db, `SELECT id FROM content_version WHERE system = 'icd10pcs' AND is_demo = 0 AND effective_from = ? LIMIT 1`, effectiveFrom);
}

/** The tables release in force on `date` (the newest when none is, or without a date). */
export function pcsModelFor(db: ContentDb, date?: string): PcsModel {
  let tables: SourceRow | undefined;
  if (date !== undefined) {
    assertIsoDate(date);
    tables = row<SourceRow>(
      db,
      `SELECT ${SOURCE_COLUMNS} FROM pcs_source WHERE kind = 'tables' AND effective_from <= ? AND effective_to >= ?
       ORDER BY effective_from DESC LIMIT 1`,
      date,
      date,
    );
  }
  tables ??= row<SourceRow>(db, `SELECT ${SOURCE_COLUMNS} FROM pcs_source WHERE kind = 'tables' ORDER BY effective_from DESC LIMIT 1`);
  if (!tables) {
    throw new AppFailure(
      'NO_CODE_SET',
      'No ICD-10-PCS tables have been imported yet: import the ICD-10-PCS tables XML (icd10pcs_tables_YYYY.xml).',
      { system: 'icd10pcs' },
    );
  }
  const definitions = row<SourceRow>(
    db,
    `SELECT ${SOURCE_COLUMNS} FROM pcs_source WHERE kind = 'definitions' ORDER BY (fiscal_year = ?) DESC, fiscal_year DESC LIMIT 1`,
    tables.fiscal_year,
  );
  const key = `${tables.id}:${definitions?.id ?? 0}`;
  let cache = models.get(db);
  if (!cache) {
    cache = new Map();
    models.set(db, cache);
  }
  let model = cache.get(key);
  if (!model) {
    model = loadModel(db, tables, definitions?.id ?? null);
    if (cache.size >= MAX_MODELS) cache.clear();
    cache.set(key, model);
  }
  return model;
}

function loadModel(db: ContentDb, source: SourceRow, definitionsId: number | null): PcsModel {
  const tables = new Map<string, PcsTableModel>();
  type TableRow = {
    code: string;
    section_title: string;
    section_label: string;
    body_system_title: string;
    body_system_label: string;
    operation_title: string;
    operation_label: string;
    operation_definition: string | null;
  };
  const tableRows = eachRow<TableRow>(
    db,
    `SELECT code, section_title, section_label, body_system_title, body_system_label, operation_title, operation_label,
       operation_definition FROM pcs_table WHERE source_id = ?`,
    source.id,
  );
  for (const t of tableRows) {
    tables.set(t.code, {
      code: t.code,
      titles: [t.section_title, t.body_system_title, t.operation_title],
      fixed: [t.section_label, t.body_system_label, t.operation_label],
      operationDefinition: t.operation_definition,
      rows: null,
    });
  }
  return {
    tablesId: source.id,
    db,
    label: source.label,
    effectiveFrom: source.effective_from,
    tables,
    levels: buildLevels(tables),
    definitions: definitionsId === null ? new Map() : loadDefinitions(db, definitionsId),
  };
}

/** The rows of a table (positions 4-7), read on first use. */
export function rowsOf(model: PcsModel, table: PcsTableModel): Map<string, string>[][] {
  if (table.rows) return table.rows;
  // Titles are the same in every row of a table (checked on the real files): row 1's serve.
  const titles = eachRow<{ pos: number; title: string }>(
    model.db,
    'SELECT pos, title FROM pcs_axis WHERE source_id = ? AND table_code = ? AND row_no = 1',
    model.tablesId,
    table.code,
  );
  for (const a of titles) {
    table.titles[a.pos - 1] = a.title;
  }
  const rows: Map<string, string>[][] = [];
  type Row = { row_no: number; pos: number; value: string; label: string };
  for (const v of eachRow<Row>(model.db, 'SELECT row_no, pos, value, label FROM pcs_value WHERE source_id = ? AND table_code = ?', model.tablesId, table.code)) {
    const row = (rows[v.row_no - 1] ??= [new Map(), new Map(), new Map(), new Map()]);
    row[v.pos - 4]?.set(v.value, v.label);
  }
  table.rows = rows;
  return rows;
}

function buildLevels(tables: Map<string, PcsTableModel>): Map<string, PcsLevel> {
  const levels = new Map<string, PcsLevel>();
  for (const t of tables.values()) {
    for (let pos = 0; pos < 3; pos++) {
      const prefix = t.code.slice(0, pos);
      let level = levels.get(prefix);
      if (!level) {
        level = { axis: t.titles[pos] ?? '', options: new Map() };
        levels.set(prefix, level);
      }
      const value = t.code.charAt(pos);
      if (!level.options.has(value)) level.options.set(value, { label: t.fixed[pos] ?? '', table: t });
    }
  }
  return levels;
}

function loadDefinitions(db: ContentDb, sourceId: number): Map<string, PcsDefinition> {
  const out = new Map<string, PcsDefinition>();
  type Row = { section: string; pos: number; title_key: string; definition: string | null; includes: string };
  for (const r of eachRow<Row>(db, 'SELECT section, pos, title_key, definition, includes FROM pcs_definition WHERE source_id = ?', sourceId)) {
    out.set(`${r.section}|${r.pos}|${r.title_key}`, { definition: r.definition, includes: JSON.parse(r.includes) as string[] });
  }
  return out;
}

/**
 * The definition shown for a value: the term's definition, else what it includes (the body
 * part and device keys have only that). Device keys name the body system ("Liner in Lower
 * Joints"), section F names the type ("Aphasia (Assessment)"); those forms are tried too.
 */
export function definitionFor(model: PcsModel, table: PcsTableModel, pos: number, label: string): string | undefined {
  if (pos === 3 && table.operationDefinition) return table.operationDefinition;
  const l = label.toLowerCase();
  const bodySystem = table.fixed[1].toLowerCase();
  const operation = table.fixed[2].toLowerCase();
  const candidates = [l, `${l} in ${bodySystem}`, `${l} for ${operation} in ${bodySystem}`];
  if (operation.includes('assessment')) candidates.push(`${l} (assessment)`);
  if (operation.includes('treatment')) candidates.push(`${l} (treatment)`);
  for (const c of candidates) {
    const found = model.definitions.get(`${table.code.charAt(0)}|${pos}|${c}`);
    if (!found) continue;
    if (found.definition) return found.definition;
    if (found.includes.length > 0) return `Includes: ${found.includes.join('; ')}`;
  }
  return undefined;
}
