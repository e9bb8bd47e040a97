/** Y / N / U / W / 1 on a focused diagnosis row sets its POA; returns the value or null. */
import type { KeyboardEvent } from 'react';
import { POA_VALUES, type PoaValue } from '../../../shared/domain';
import { isTypingTarget } from '../../lib/keys';

export function poaKey(event: KeyboardEvent): PoaValue | null {
  // The row's POA select takes its own keys; a modifier means another shortcut.
  if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return null;
  const value = event.key.toUpperCase();
  return POA_VALUES.find((v) => v === value) ?? null;
}
