/**
 * Parses one `<pcsTable>` of the ICD-10-PCS tables XML and checks it: axes 1-3 with one
 * value each, rows with axes 4-7, every value one PCS character, no value twice in an axis,
 * the `values` / `codes` counts right, and no code given by two rows.
 */
import { importFailure } from '../../import-failure';
import { childElements, textOf, type XmlElement } from '../../xml/safe-xml';
import { childText, PCS_CHAR } from './pcs-xml';

export interface PcsValue {
  value: string;
  label: string;
}

export interface PcsAxis {
  pos: number;
  title: string;
  definition: string | null;
  values: PcsValue[];
}

export interface PcsTable {
  /** The 3-character prefix: section, body system, operation. */
  code: string;
  line: number;
  /** Axes 1, 2, 3 (one value each). */
  axes: PcsAxis[];
  /** Each row's axes 4, 5, 6, 7. */
  rows: PcsAxis[][];
  /** How many codes the rows expand to. */
  codeCount: number;
}

const TABLE_AXES = [1, 2, 3];
const ROW_AXES = [4, 5, 6, 7];

export function parseTable(file: string, el: XmlElement): PcsTable {
  const axes = parseAxes(file, el, TABLE_AXES, 'table');
  for (const axis of axes) {
    if (axis.values.length !== 1) {
      throw importFailure(file, el.line, `axis ${axis.pos} of a table must have exactly one value, it has ${axis.values.length}`);
    }
  }
  const code = axes.map((a) => a.values[0]?.value ?? '').join('');
  const rowEls = childElements(el, 'pcsRow');
  if (rowEls.length === 0) throw importFailure(file, el.line, `table ${code} has no <pcsRow>`);
  const seen = new Set<string>();
  const rows = rowEls.map((rowEl, i) => {
    const row = parseAxes(file, rowEl, ROW_AXES, `row ${i + 1} of table ${code}`);
    const count = row.reduce((n, axis) => n * axis.values.length, 1);
    const declared = rowEl.attrs.codes;
    if (declared !== undefined && Number(declared) !== count) {
      throw importFailure(file, rowEl.line, `row ${i + 1} of table ${code} says it has ${declared} codes but its values give ${count}`);
    }
    for (const suffix of expand(row)) {
      if (seen.has(suffix)) {
        throw importFailure(file, rowEl.line, `code ${code}${suffix} is given by more than one row of table ${code}`);
      }
      seen.add(suffix);
    }
    return row;
  });
  return { code, line: el.line, axes, rows, codeCount: seen.size };
}

function parseAxes(file: string, el: XmlElement, positions: readonly number[], where: string): PcsAxis[] {
  const byPos = new Map<number, PcsAxis>();
  for (const axisEl of childElements(el, 'axis')) {
    const pos = Number(axisEl.attrs.pos);
    if (!positions.includes(pos)) {
      throw importFailure(file, axisEl.line, `${where} has an axis at an unexpected position (expected ${positions.join(', ')})`);
    }
    if (byPos.has(pos)) throw importFailure(file, axisEl.line, `${where} has axis ${pos} twice`);
    byPos.set(pos, parseAxis(file, axisEl, pos, where));
  }
  return positions.map((pos) => {
    const axis = byPos.get(pos);
    if (!axis) throw importFailure(file, el.line, `${where} has no axis ${pos}`);
    return axis;
  });
}

function parseAxis(file: string, el: XmlElement, pos: number, where: string): PcsAxis {
  const title = childText(el, 'title');
  if (title === null) throw importFailure(file, el.line, `axis ${pos} of ${where} has no title`);
  const values: PcsValue[] = [];
  const seen = new Set<string>();
  for (const label of childElements(el, 'label')) {
    const value = label.attrs.code ?? '';
    if (!PCS_CHAR.test(value)) {
      throw importFailure(file, label.line, `axis ${pos} of ${where} has a value that is not one PCS character (digits and letters except I and O)`);
    }
    if (seen.has(value)) throw importFailure(file, label.line, `axis ${pos} of ${where} has value ${value} twice`);
    seen.add(value);
    const text = textOf(label);
    if (text === '') throw importFailure(file, label.line, `value ${value} of axis ${pos} of ${where} has no label`);
    values.push({ value, label: text });
  }
  if (values.length === 0) throw importFailure(file, el.line, `axis ${pos} of ${where} has no values`);
  const declared = el.attrs.values;
  if (declared !== undefined && Number(declared) !== values.length) {
    throw importFailure(file, el.line, `axis ${pos} of ${where} says it has ${declared} values but lists ${values.length}`);
  }
  return { pos, title, definition: childText(el, 'definition'), values };
}

/** Every 4-character suffix (positions 4-7) a row gives: the Cartesian product of its values. */
export function expand(row: readonly PcsAxis[]): string[] {
  let out = [''];
  for (const axis of row) out = out.flatMap((prefix) => axis.values.map((v) => prefix + v.value));
  return out;
}
