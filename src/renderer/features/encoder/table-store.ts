/** Neoplasm table and Table of Drugs and Chemicals: search by term as the coder types. */
import { create } from 'zustand';
import type { IndexTable, TableSearchResult } from '../../../shared/encoder';
import { call } from '../../lib/api';
import { debounce } from '../../lib/debounce';
import { describeError } from '../../lib/errors';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';

export const TABLE_DEBOUNCE_MS = 80;

interface TableData {
  table: IndexTable;
  query: string;
  result: TableSearchResult | null;
  loading: boolean;
  error: string | null;
}

interface TableActions {
  setTable(table: IndexTable): void;
  setQuery(query: string): void;
  search(): Promise<void>;
}

const initial: TableData = { table: 'neoplasm', query: '', result: null, loading: false, error: null };
let seq = 0;
let cancelPending: () => void = () => undefined;

export const useIndexTable = create<TableData & TableActions>()((set, get) => {
  const debounced = debounce(() => void get().search(), TABLE_DEBOUNCE_MS);
  cancelPending = () => debounced.cancel();
  return {
    ...initial,

    setTable(table) {
      set({ table, result: null });
      if (get().query.trim()) void get().search();
    },

    setQuery(query) {
      set({ query });
      if (!query.trim()) {
        debounced.cancel();
        seq++;
        set({ result: null, loading: false, error: null });
        return;
      }
      debounced();
    },

    async search() {
      debounced.cancel();
      const { table, query } = get();
      const mine = ++seq;
      if (!query.trim()) return;
      set({ loading: true, error: null });
      const result = await call('codes.tableSearch', { table, query: query.trim(), limit: 50 });
      if (mine !== seq) return;
      if (!result.ok) set({ loading: false, result: null, error: describeError(result.error) });
      else set({ loading: false, result: result.value });
    },
  };
});

// The query may hold words from the record.
const reset = () => {
  cancelPending();
  seq++;
  useIndexTable.setState(initial);
};
registerStoreReset(reset, { holdsPhi: true });
registerChartReset(reset);
