/**
 * Code picker: search as you type against the code set in force on the chart's coding date.
 * Replies to older queries are dropped so fast typing never shows stale results.
 */
import { create } from 'zustand';
import type { CodeHit, CodeSystem } from '../../../shared/domain';
import { call } from '../../lib/api';
import { debounce } from '../../lib/debounce';
import { describeError } from '../../lib/errors';
import { registerStoreReset } from '../../lib/store-registry';

export const PICKER_DEBOUNCE_MS = 60;
const RESULT_LIMIT = 50;

interface PickerData {
  query: string;
  /** '' = all systems. */
  system: CodeSystem | '';
  /** The chart's coding date (selects the code-set version). */
  date: string | null;
  results: CodeHit[];
  active: number;
  searching: boolean;
  error: string | null;
  /** Why the last pick was not added, e.g. a header code. */
  message: string | null;
}

interface PickerActions {
  setDate(date: string | null): void;
  setQuery(query: string): void;
  setSystem(system: CodeSystem | ''): void;
  search(): Promise<void>;
  move(delta: number): void;
  setActive(index: number): void;
  setMessage(message: string | null): void;
  /** Clears the query and results after a pick. */
  clear(): void;
  /** A new chart: clear everything including the system filter. */
  resetForChart(): void;
}

export type PickerStore = PickerData & PickerActions;

const initial: PickerData = {
  query: '',
  system: '',
  date: null,
  results: [],
  active: 0,
  searching: false,
  error: null,
  message: null,
};

let seq = 0;
let cancelPending: () => void = () => undefined;

export const usePicker = create<PickerStore>()((set, get) => {
  const debouncedSearch = debounce(() => void get().search(), PICKER_DEBOUNCE_MS);
  cancelPending = () => debouncedSearch.cancel();

  return {
    ...initial,

    setDate(date) {
      set({ date });
    },

    setQuery(query) {
      set({ query, message: null });
      if (query.trim() === '') {
        debouncedSearch.cancel();
        seq++;
        set({ results: [], active: 0, searching: false, error: null });
        return;
      }
      debouncedSearch();
    },

    setSystem(system) {
      set({ system, message: null });
      if (get().query.trim()) void get().search();
    },

    async search() {
      debouncedSearch.cancel();
      const { query, system, date } = get();
      const mine = ++seq;
      if (!query.trim()) return;
      set({ searching: true, error: null });
      const result = await call('codes.search', {
        query: query.trim(),
        limit: RESULT_LIMIT,
        ...(system ? { system } : {}),
        ...(date ? { date } : {}),
      });
      if (mine !== seq) return;
      if (!result.ok) {
        set({ searching: false, results: [], error: describeError(result.error) });
        return;
      }
      set({ searching: false, results: result.value.results, active: 0 });
    },

    move(delta) {
      const { results, active } = get();
      if (results.length === 0) return;
      set({ active: Math.min(Math.max(active + delta, 0), results.length - 1) });
    },

    setActive(index) {
      set({ active: index });
    },

    setMessage(message) {
      set({ message });
    },

    clear() {
      debouncedSearch.cancel();
      seq++;
      set({ query: '', results: [], active: 0, searching: false, error: null, message: null });
    },

    resetForChart() {
      get().clear();
      set({ system: '' });
    },
  };
});

// The query may hold words from the record: cleared on lock with the rest.
registerStoreReset(() => {
  cancelPending();
  seq++;
  usePicker.setState(initial);
}, { holdsPhi: true });
