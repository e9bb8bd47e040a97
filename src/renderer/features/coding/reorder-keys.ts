/** Alt+↑ / Alt+↓ on a coded row moves it; returns the move or 0. */
import type { KeyboardEvent } from 'react';

export function reorderDelta(event: KeyboardEvent): -1 | 0 | 1 {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return 0;
  if (event.key === 'ArrowUp') return -1;
  if (event.key === 'ArrowDown') return 1;
  return 0;
}
