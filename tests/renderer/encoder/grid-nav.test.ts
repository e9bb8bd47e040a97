import { describe, expect, it } from 'vitest';
import { nextCell, type Cell } from '../../../src/renderer/features/encoder/grid-nav';

// 3 rows x 4 columns; '.' is an empty cell.
const GRID = ['ab.d', '.f.h', 'ij.l'];
const has = ({ row, col }: Cell) => GRID[row]?.[col] !== undefined && GRID[row]?.[col] !== '.';
const from = (row: number, col: number) => ({ row, col });

describe('nextCell', () => {
  it('keeps to the column going up and down, skipping empty cells', () => {
    expect(nextCell(from(0, 0), 'ArrowDown', 3, 4, has)).toEqual(from(2, 0));
    expect(nextCell(from(2, 1), 'ArrowUp', 3, 4, has)).toEqual(from(1, 1));
    expect(nextCell(from(0, 3), 'ArrowUp', 3, 4, has)).toBeNull();
  });

  it('keeps to the row going left and right, skipping empty cells', () => {
    expect(nextCell(from(0, 1), 'ArrowRight', 3, 4, has)).toEqual(from(0, 3));
    expect(nextCell(from(1, 3), 'ArrowLeft', 3, 4, has)).toEqual(from(1, 1));
    expect(nextCell(from(1, 1), 'ArrowLeft', 3, 4, has)).toBeNull();
  });

  it('Home and End go to the first and last code of the row', () => {
    expect(nextCell(from(1, 3), 'Home', 3, 4, has)).toEqual(from(1, 1));
    expect(nextCell(from(2, 0), 'End', 3, 4, has)).toEqual(from(2, 3));
  });
});
