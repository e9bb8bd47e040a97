/** Which finding the coder clicked: its codes are highlighted in the coded lists. */
import { create } from 'zustand';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';

interface FindingsFocus {
  /** Key of the focused finding (rule + codes), or null. */
  focused: string | null;
  /** Codes to highlight, normalised (upper case, no dot). */
  codes: string[];
  toggle(key: string, codes: readonly string[]): void;
  clear(): void;
}

export const normaliseForMatch = (code: string): string => code.replace(/\./g, '').toUpperCase();

export const useFindingsFocus = create<FindingsFocus>()((set, get) => ({
  focused: null,
  codes: [],
  toggle: (key, codes) =>
    set(get().focused === key ? { focused: null, codes: [] } : { focused: key, codes: codes.map(normaliseForMatch) }),
  clear: () => set({ focused: null, codes: [] }),
}));

// Codes are chart content: cleared on lock with the other PHI stores.
registerStoreReset(() => useFindingsFocus.getState().clear(), { holdsPhi: true });
registerChartReset(() => useFindingsFocus.getState().clear());

/** True when the code belongs to the focused finding. */
export function useIsHighlighted(code: string): boolean {
  return useFindingsFocus((s) => s.codes.includes(normaliseForMatch(code)));
}
