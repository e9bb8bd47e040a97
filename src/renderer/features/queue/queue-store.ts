/**
 * The queue: rows arrive in pages from the database (sorted, filtered and searched there),
 * appended as the coder scrolls. A generation counter drops replies to outdated queries.
 */
import { create } from 'zustand';
import type { ChartSortKey } from '../../../shared/contract';
import type { ChartRow, ChartSetting, ChartStatus } from '../../../shared/domain';
import { call } from '../../lib/api';
import { debounce } from '../../lib/debounce';
import { describeError } from '../../lib/errors';
import { registerStoreReset } from '../../lib/store-registry';
import { useVersions } from '../codesets/versions-store';

export const QUEUE_PAGE_SIZE = 100;
const SEARCH_DEBOUNCE_MS = 200;

export interface SortSpec {
  key: ChartSortKey;
  desc: boolean;
}

interface QueueQuery {
  sort: SortSpec[];
  search: string;
  status: ChartStatus[];
  setting: ChartSetting[];
}

interface QueueData extends QueueQuery {
  rows: ChartRow[];
  /** null until the first page arrives. */
  total: number | null;
  loading: boolean;
  error: string | null;
  /** Index of the highlighted row (keyboard selection). */
  selected: number;
  demoLoading: boolean;
}

interface QueueActions {
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  /** Re-reads the rows already loaded (after a chart changed), keeping scroll and selection. */
  refresh(): Promise<void>;
  setSort(sort: SortSpec[]): void;
  setSearch(search: string): void;
  setStatusFilter(status: ChartStatus[]): void;
  setSettingFilter(setting: ChartSetting[]): void;
  clearFilters(): void;
  select(index: number): void;
  moveSelection(delta: number): void;
  loadDemo(): Promise<void>;
}

export type QueueStore = QueueData & QueueActions;

const defaultQuery: QueueQuery = {
  sort: [{ key: 'priority', desc: false }],
  search: '',
  status: [],
  setting: [],
};

const initial: QueueData = {
  ...defaultQuery,
  rows: [],
  total: null,
  loading: false,
  error: null,
  selected: 0,
  demoLoading: false,
};

let generation = 0;
let cancelPendingSearch: () => void = () => undefined;

export const useQueue = create<QueueStore>()((set, get) => {
  const queryInput = (offset: number, limit: number) => {
    const { sort, search, status, setting } = get();
    return { offset, limit, sort, search: search.trim(), status, setting };
  };

  const debouncedReload = debounce(() => void get().reload(), SEARCH_DEBOUNCE_MS);
  cancelPendingSearch = () => debouncedReload.cancel();

  return {
    ...initial,

    async reload() {
      debouncedReload.cancel();
      const mine = ++generation;
      set({ loading: true, error: null });
      const result = await call('charts.list', queryInput(0, QUEUE_PAGE_SIZE));
      if (mine !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: describeError(result.error) });
        return;
      }
      set({ loading: false, rows: result.value.rows, total: result.value.total, selected: 0 });
    },

    async loadMore() {
      const { rows, total, loading } = get();
      if (loading || total === null || rows.length >= total) return;
      const mine = generation;
      set({ loading: true });
      const result = await call('charts.list', queryInput(rows.length, QUEUE_PAGE_SIZE));
      if (mine !== generation) return;
      if (!result.ok) {
        set({ loading: false, error: describeError(result.error) });
        return;
      }
      set({ loading: false, rows: [...get().rows, ...result.value.rows], total: result.value.total });
    },

    async refresh() {
      const count = Math.max(get().rows.length, QUEUE_PAGE_SIZE);
      const mine = ++generation;
      const fresh: ChartRow[] = [];
      let total = 0;
      // The API caps a page at 500 rows; re-read the loaded range in such pages.
      for (let offset = 0; offset < count; offset += 500) {
        const result = await call('charts.list', queryInput(offset, Math.min(500, count - offset)));
        if (mine !== generation) return;
        if (!result.ok) {
          set({ loading: false, error: describeError(result.error) });
          return;
        }
        fresh.push(...result.value.rows);
        total = result.value.total;
        if (result.value.rows.length === 0) break;
      }
      // A page read this refresh superseded never clears `loading`: it is done now.
      set({ loading: false, rows: fresh, total, selected: Math.min(get().selected, Math.max(fresh.length - 1, 0)) });
    },

    setSort(sort) {
      set({ sort: sort.slice(0, 3) });
      void get().reload();
    },

    setSearch(search) {
      set({ search });
      debouncedReload();
    },

    setStatusFilter(status) {
      set({ status });
      void get().reload();
    },

    setSettingFilter(setting) {
      set({ setting });
      void get().reload();
    },

    clearFilters() {
      set({ search: '', status: [], setting: [] });
      void get().reload();
    },

    select(index) {
      const { rows } = get();
      if (rows.length === 0) return;
      set({ selected: Math.min(Math.max(index, 0), rows.length - 1) });
    },

    moveSelection(delta) {
      get().select(get().selected + delta);
    },

    async loadDemo() {
      set({ demoLoading: true, error: null });
      const result = await call('demo.load', {});
      if (!result.ok) {
        set({ demoLoading: false, error: describeError(result.error) });
        return;
      }
      set({ demoLoading: false });
      // The demo brings its own code subset: the badge and version lines change too.
      void useVersions.getState().load();
      await get().reload();
    },
  };
});

// Rows are PHI: emptied on lock. Sort and filters are preferences, not PHI, but the search
// text may be anything the coder typed, so the whole query returns to its default too.
registerStoreReset(() => {
  cancelPendingSearch();
  generation++;
  useQueue.setState(initial);
}, { holdsPhi: true });

export function hasActiveFilters(q: Pick<QueueQuery, 'search' | 'status' | 'setting'>): boolean {
  return q.search.trim() !== '' || q.status.length > 0 || q.setting.length > 0;
}
