/** Find-in-chart state: the query and which match of the open document is current. */
import { create } from 'zustand';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';

interface FindStore {
  query: string;
  /** Index of the current match within the open document. */
  current: number;
  /** Bumped to ask the find box to take focus (Ctrl+F). */
  focusRequest: number;
  setQuery(query: string): void;
  /** Moves the current match by delta, wrapping around `count` matches. */
  step(delta: number, count: number): void;
  setCurrent(index: number): void;
  requestFocus(): void;
  clear(): void;
}

const initial = { query: '', current: 0, focusRequest: 0 };

export const useFind = create<FindStore>()((set, get) => ({
  ...initial,
  setQuery: (query) => set({ query, current: 0 }),
  step: (delta, count) => {
    if (count <= 0) return;
    set({ current: (((get().current + delta) % count) + count) % count });
  },
  setCurrent: (current) => set({ current }),
  requestFocus: () => set({ focusRequest: get().focusRequest + 1 }),
  clear: () => set({ query: '', current: 0 }),
}));

// The query may contain words from the record.
registerStoreReset(() => useFind.setState(initial), { holdsPhi: true });
registerChartReset(() => useFind.getState().clear());
