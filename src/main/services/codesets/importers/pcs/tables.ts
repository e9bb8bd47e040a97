/**
 * ICD-10-PCS tables XML (`<ICD10PCS.tabular>`): stores each fiscal year's tables, axis
 * titles, value labels and rows as given (the valid codes are each row's Cartesian product,
 * never expanded into rows).
 */
import { importFailure } from '../../import-failure';
import { checkTablesAgainstOrderFile } from '../release-cross-checks';
import { pcsXmlImporter } from './pcs-importer';
import { readTrees } from './pcs-xml';
import { parseTable, type PcsAxis, type PcsTable } from './tables-parser';

const ROOT = 'ICD10PCS.tabular';

export const pcsTablesImporter = pcsXmlImporter({
  kind: 'icd10pcs-tables',
  sourceKind: 'tables',
  root: ROOT,
  description: 'ICD-10-PCS tables XML',
  progressTag: 'pcsTable',
  write({ db, source, xml, release, fiscalYear, step }) {
    const insertTable = db.prepare(
      `INSERT INTO pcs_table (source_id, code, seq, row_count, section_title, section_label, body_system_title,
         body_system_label, operation_title, operation_label, operation_definition)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAxis = db.prepare('INSERT INTO pcs_axis (source_id, table_code, row_no, pos, title) VALUES (?, ?, ?, ?, ?)');
    const insertValue = db.prepare(
      'INSERT INTO pcs_value (source_id, table_code, row_no, pos, value, label) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const seen = new Set<string>();
    let codes = 0;
    const writeRow = (table: PcsTable, rowNo: number, axes: readonly PcsAxis[]) => {
      for (const axis of axes) {
        insertAxis.run(release.id, table.code, rowNo, axis.pos, axis.title);
        for (const v of axis.values) insertValue.run(release.id, table.code, rowNo, axis.pos, v.value, v.label);
      }
    };
    readTrees(
      source.name,
      xml,
      ROOT,
      (name, depth) => depth === 2 && name === 'pcsTable',
      (el) => {
        const table = parseTable(source.name, el);
        if (seen.has(table.code)) throw importFailure(source.name, el.line, `table ${table.code} appears twice`);
        seen.add(table.code);
        // Axes 1-3 have one value each (checked by parseTable): title and label per axis.
        const fixed = table.axes.flatMap((a) => [a.title, a.values[0]?.label ?? '']);
        insertTable.run(release.id, table.code, seen.size, table.rows.length, ...fixed, table.axes[2]?.definition ?? null);
        table.rows.forEach((row, i) => writeRow(table, i + 1, row));
        codes += table.codeCount;
        step();
      },
    );
    if (seen.size === 0) throw importFailure(source.name, 0, 'the file holds no <pcsTable>');
    checkTablesAgainstOrderFile(db, source.name, fiscalYear, codes);
    return codes;
  },
});
