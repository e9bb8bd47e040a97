/**
 * The Neoplasm table and the Table of Drugs and Chemicals, searched by term, with their columns.
 * Each cell is a button: it adds the code (a drug code that needs a 7th character opens the
 * chooser; a code ending in "-" needs more characters and opens in the detail instead).
 */
import { useEffect, type KeyboardEvent } from 'react';
import type { IndexTable, TableRow } from '../../../shared/encoder';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { addByCode, useAddFlow } from './add-flow';
import { useDetail } from './detail-store';
import { isGridKey, nextCell } from './grid-nav';
import { refTarget } from './note-groups';
import { useIndexTable } from './table-store';
import './encoder.css';
import './index-tables.css';

const TABLE_ID = 'index-table';
const TABLE_LABELS: Record<IndexTable, string> = { neoplasm: 'Neoplasm table', drug: 'Drugs and chemicals' };

function pick(code: string): void {
  if (code.endsWith('-')) {
    const base = refTarget(code);
    useAddFlow.setState({ message: `${code} needs more characters: see ${base} in the code detail.` });
    void useDetail.getState().open({ system: 'icd10cm', code: base });
    return;
  }
  void addByCode(code);
}

const cellSelector = (row: number, col: number) => `button[data-row="${row}"][data-col="${col}"]`;

/** Arrow keys move between code cells (see grid-nav.ts); Down from the search box enters the table. */
function moveInTable(event: KeyboardEvent<HTMLElement>, table: HTMLElement | null, rows: number, cols: number): void {
  if (!table || !isGridKey(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  const from = target.dataset['row'] !== undefined ? { row: Number(target.dataset['row']), col: Number(target.dataset['col']) } : null;
  const next = from
    ? nextCell(from, event.key, rows, cols, (c) => table.querySelector(cellSelector(c.row, c.col)) !== null)
    : event.key === 'ArrowDown'
      ? firstCell(table)
      : null;
  if (!next) return;
  event.preventDefault();
  table.querySelector<HTMLButtonElement>(cellSelector(next.row, next.col))?.focus();
}

function firstCell(table: HTMLElement): { row: number; col: number } | null {
  const button = table.querySelector<HTMLButtonElement>('button[data-row]');
  return button ? { row: Number(button.dataset['row']), col: Number(button.dataset['col']) } : null;
}

/** The row's term path; the Neoplasm table's own main term ("Neoplasm, neoplastic") is left out. */
function TermPath({ row, table }: { row: TableRow; table: IndexTable }) {
  const path = table === 'neoplasm' && row.path.length > 1 && /^neoplasm/i.test(row.path[0] ?? '') ? row.path.slice(1) : row.path;
  return (
    <>
      {path.length > 1 ? <span className="term-parents">{path.slice(0, -1).join(' › ')} › </span> : null}
      {path.at(-1)}
    </>
  );
}

export function IndexTables({ onClose }: { onClose(): void }) {
  const table = useIndexTable((s) => s.table);
  const query = useIndexTable((s) => s.query);
  const result = useIndexTable((s) => s.result);
  const loading = useIndexTable((s) => s.loading);
  const error = useIndexTable((s) => s.error);
  const message = useAddFlow((s) => s.message);

  useEffect(() => useAddFlow.setState({ message: null }), []);

  return (
    <Dialog title="Neoplasm and Drug tables" onClose={onClose} className="wide-dialog">
      <div className="table-controls">
        <input
          type="search"
          aria-label="Search the table"
          placeholder={table === 'neoplasm' ? 'Site, e.g. breast, lung upper lobe' : 'Drug or chemical, e.g. warfarin'}
          value={query}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => useIndexTable.getState().setQuery(e.target.value)}
          onKeyDown={(e) => moveInTable(e, document.getElementById(TABLE_ID), result?.rows.length ?? 0, result?.columns.length ?? 0)}
        />
        <fieldset className="table-choice">
          <legend className="visually-hidden">Table</legend>
          {(['neoplasm', 'drug'] as const).map((t) => (
            <label key={t}>
              <input type="radio" name="index-table" checked={table === t} onChange={() => useIndexTable.getState().setTable(t)} />{' '}
              {TABLE_LABELS[t]}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="picker-status" role="status">
        {message ?? (loading ? 'Searching…' : result && result.rows.length === 0 ? 'No rows match.' : '')}
      </p>
      <ErrorText message={error} />
      {result && result.rows.length > 0 ? (
        <div className="index-table-wrap">
          <table
            id={TABLE_ID}
            className="index-table"
            aria-label={TABLE_LABELS[result.table]}
            onKeyDown={(e) => moveInTable(e, e.currentTarget, result.rows.length, result.columns.length)}
          >
            <thead>
              <tr>
                <th scope="col">{result.table === 'neoplasm' ? 'Site' : 'Substance'}</th>
                {result.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row, r) => (
                <tr key={r}>
                  <th scope="row" className="table-term">
                    <TermPath row={row} table={result.table} />
                  </th>
                  {row.cells.map((cell, c) => (
                    <td key={c}>
                      {cell ? (
                        <button
                          type="button"
                          className="cell-code"
                          data-row={r}
                          data-col={c}
                          aria-label={`${cell}: ${result.columns[c] ?? ''}, ${row.path.join(' > ')}`}
                          onClick={() => pick(cell)}
                        >
                          {cell}
                        </button>
                      ) : (
                        <span className="muted" aria-label="none">
                          —
                        </span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result ? <p className="muted table-source">Source: {result.source}</p> : null}
    </Dialog>
  );
}
