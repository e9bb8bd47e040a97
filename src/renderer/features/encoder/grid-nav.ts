/**
 * Arrow keys across a table of code cells, the way a coder reads the Neoplasm and Drug tables:
 * Up/Down stay in the column (Malignant Primary, Poisoning Accidental …), Left/Right stay on
 * the row; empty cells are skipped; Home/End go to the row's first/last code.
 */
export interface Cell {
  row: number;
  col: number;
}

export type GridKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export const isGridKey = (key: string): key is GridKey =>
  key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End';

/** The cell to focus after `key` from `from`, or null when there is none that way. `has` says whether a cell holds a code. */
export function nextCell(from: Cell, key: GridKey, rows: number, cols: number, has: (cell: Cell) => boolean): Cell | null {
  const walk = (dRow: number, dCol: number, start: Cell): Cell | null => {
    for (let r = start.row + dRow, c = start.col + dCol; r >= 0 && r < rows && c >= 0 && c < cols; r += dRow, c += dCol) {
      if (has({ row: r, col: c })) return { row: r, col: c };
    }
    return null;
  };
  switch (key) {
    case 'ArrowUp':
      return walk(-1, 0, from);
    case 'ArrowDown':
      return walk(1, 0, from);
    case 'ArrowLeft':
      return walk(0, -1, from);
    case 'ArrowRight':
      return walk(0, 1, from);
    case 'Home':
      return walk(0, 1, { row: from.row, col: -1 });
    case 'End':
      return walk(0, -1, { row: from.row, col: cols });
  }
}
