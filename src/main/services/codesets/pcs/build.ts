/**
 * codes.pcsBuild: the ICD-10-PCS table builder. Given the characters chosen so far, it gives
 * the values valid for the next position: positions 1-3 pick a table, positions 4-7 come
 * from the rows of that table that hold every value chosen so far, so only real codes can
 * be built.
 */
import type { MethodOutput, MethodParsedInput } from '../../../../shared/contract';
import type { PcsOption, PcsStep } from '../../../../shared/encoder';
import { AppFailure } from '../../../../shared/result';
import type { ContentDb } from '../content-db';
import { row as readRow } from '../../db/rows';
import { CODE_EXACT_SQL, type CodeRowDb } from '../statements';
import { definitionFor, pcsModelFor, pcsOrderVersionId, rowsOf, type PcsModel, type PcsTableModel } from './model';

const PCS_PREFIX = /^[0-9A-HJ-NP-Z]{0,7}$/;

type Chosen = PcsStep['chosen'][number];

export function pcsBuild(db: ContentDb, input: MethodParsedInput<'codes.pcsBuild'>): MethodOutput<'codes.pcsBuild'> {
  const prefix = input.prefix.toUpperCase();
  if (!PCS_PREFIX.test(prefix)) {
    throw new AppFailure('BAD_INPUT', 'An ICD-10-PCS code has up to 7 characters: digits and letters except I and O.');
  }
  const model = pcsModelFor(db, input.date);
  if (prefix.length < 3) return tableStep(model, prefix);
  return rowStep(db, model, prefix);
}

/** Positions 1-3: which sections, body systems and operations have tables. */
function tableStep(model: PcsModel, prefix: string): PcsStep {
  const chosen: Chosen[] = [];
  for (let i = 0; i < prefix.length; i++) {
    const level = model.levels.get(prefix.slice(0, i));
    const option = level?.options.get(prefix.charAt(i));
    if (!level || !option) throw notValid(model, prefix, i);
    chosen.push({ position: i + 1, axis: level.axis, value: prefix.charAt(i), label: option.label });
  }
  const level = model.levels.get(prefix);
  if (!level) throw notValid(model, prefix, prefix.length);
  const options = [...level.options].map(([value, { label, table }]): PcsOption => {
    const definition = prefix.length === 2 ? definitionFor(model, table, 3, label) : undefined;
    return definition === undefined ? { value, label } : { value, label, definition };
  });
  return { prefix, position: prefix.length + 1, axis: level.axis, options: sortOptions(options), chosen, code: null };
}

/** Positions 4-7: the rows of the table that hold every value chosen so far. */
function rowStep(db: ContentDb, model: PcsModel, prefix: string): PcsStep {
  const table = model.tables.get(prefix.slice(0, 3));
  if (!table) throw notValid(model, prefix, 2);
  let rows = rowsOf(model, table);
  for (let i = 3; i < prefix.length; i++) {
    const c = prefix.charAt(i);
    const matching = rows.filter((row) => row[i - 3]?.has(c));
    if (matching.length === 0) throw notValid(model, prefix, i, table);
    rows = matching;
  }
  const chosen: Chosen[] = [];
  for (let i = 0; i < prefix.length; i++) {
    const value = prefix.charAt(i);
    const label = i < 3 ? table.fixed[i as 0 | 1 | 2] : labelsOf(rows, i, value);
    chosen.push({ position: i + 1, axis: table.titles[i] ?? '', value, label });
  }
  if (prefix.length === 7) {
    return { prefix, position: null, axis: null, options: [], chosen, code: finishedCode(db, model, prefix, chosen) };
  }
  const i = prefix.length;
  const values = new Set<string>();
  for (const row of rows) for (const v of row[i - 3]?.keys() ?? []) values.add(v);
  const options = [...values].map((value): PcsOption => {
    const label = labelsOf(rows, i, value);
    const definition = definitionFor(model, table, i + 1, label);
    return definition === undefined ? { value, label } : { value, label, definition };
  });
  return { prefix, position: i + 1, axis: table.titles[i] ?? null, options: sortOptions(options), chosen, code: null };
}

/**
 * The label of a value among the rows still possible. A few tables (XW0, XNS) give a value
 * different labels in different rows; until a later choice tells the rows apart, all show.
 */
function labelsOf(rows: readonly Map<string, string>[][], i: number, value: string): string {
  const labels = new Set<string>();
  for (const row of rows) {
    const label = row[i - 3]?.get(value);
    if (label !== undefined) labels.add(label);
  }
  return [...labels].join(' / ');
}

function finishedCode(db: ContentDb, model: PcsModel, code: string, chosen: readonly Chosen[]): PcsStep['code'] {
  const versionId = pcsOrderVersionId(db, model.effectiveFrom);
  const row = versionId === undefined ? undefined : readRow<CodeRowDb>(db, CODE_EXACT_SQL, versionId, code);
  const title = row?.long_title ?? composedTitle(chosen);
  return { system: 'icd10pcs', code, title, billable: true };
}

/** Without the order file: "Resection, Appendix, Percutaneous Endoscopic" (no "No Device" etc.). */
function composedTitle(chosen: readonly Chosen[]): string {
  return chosen
    .slice(2)
    .map((c) => c.label)
    .filter((label) => !/^No /.test(label))
    .join(', ');
}

const sortOptions = (options: PcsOption[]): PcsOption[] => options.sort((a, b) => (a.value < b.value ? -1 : 1));

/** "0DT is valid but 0DTX is not a body part of table 0DT". */
function notValid(model: PcsModel, prefix: string, at: number, table?: PcsTableModel): AppFailure {
  const valid = prefix.slice(0, at);
  const wrong = prefix.slice(0, at + 1);
  const axis = (table ? table.titles[at] : model.levels.get(valid)?.axis) ?? 'value';
  const what = `${/^[aeiou]/i.test(axis) ? 'an' : 'a'} ${axis.toLowerCase()}`;
  let message: string;
  if (at === 0) message = `${wrong} is not an ICD-10-PCS section in the ${model.label} tables.`;
  else if (at === 1) message = `${valid} is valid but ${wrong} is not ${what} of section ${valid}.`;
  else if (at === 2) message = `${valid} is valid but ${wrong} is not ${what} of body system ${valid}.`;
  else if (at === 3) message = `${valid} is valid but ${wrong} is not ${what} of table ${valid}.`;
  else message = `${valid} is valid but ${wrong} is not ${what} of table ${valid.slice(0, 3)} after ${valid}.`;
  return new AppFailure('BAD_INPUT', message, { prefix, position: at + 1 });
}
