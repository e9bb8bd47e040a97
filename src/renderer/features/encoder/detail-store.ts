/**
 * The code shown in the detail panel: the highlighted search result, a coded code, a tree node
 * or a code linked from a note. Links push onto a short history so Back returns. Replies for
 * an older request are dropped; details are cached per code and date for the session.
 */
import { create } from 'zustand';
import type { CodeSystem } from '../../../shared/domain';
import type { CodeDetail } from '../../../shared/encoder';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';
import { usePicker } from '../coding/picker-store';

export interface DetailTarget {
  system: CodeSystem;
  code: string;
}

interface DetailData {
  target: DetailTarget | null;
  detail: CodeDetail | null;
  loading: boolean;
  error: string | null;
  history: DetailTarget[];
}

interface DetailActions {
  /** Shows `code`; `follow` (a link) keeps the current code in the history for Back. */
  open(target: DetailTarget, opts?: { follow?: boolean }): Promise<void>;
  back(): Promise<void>;
  /** Fetches a detail without showing it (the add flow asks for 7th-character definitions). */
  fetch(target: DetailTarget): Promise<{ detail: CodeDetail } | { error: string }>;
}

const HISTORY_LIMIT = 20;
const initial: DetailData = { target: null, detail: null, loading: false, error: null, history: [] };
const cache = new Map<string, CodeDetail>();
let seq = 0;

const same = (a: DetailTarget | null, b: DetailTarget | null) => a !== null && b !== null && a.system === b.system && a.code === b.code;

export const useDetail = create<DetailData & DetailActions>()((set, get) => ({
  ...initial,

  async fetch(target) {
    const date = usePicker.getState().date;
    const key = `${target.system}:${target.code}:${date ?? ''}`;
    const hit = cache.get(key);
    if (hit) return { detail: hit };
    const result = await call('codes.show', { code: target.code, system: target.system, ...(date ? { date } : {}) });
    if (!result.ok) return { error: describeError(result.error) };
    cache.set(key, result.value);
    return { detail: result.value };
  },

  async open(target, opts = {}) {
    const current = get().target;
    if (same(current, target) && (get().detail || get().loading)) return;
    const history = opts.follow && current ? [...get().history, current].slice(-HISTORY_LIMIT) : opts.follow ? get().history : [];
    const mine = ++seq;
    set({ target, history, loading: true, error: null });
    const outcome = await get().fetch(target);
    if (mine !== seq) return;
    if ('error' in outcome) set({ loading: false, detail: null, error: outcome.error });
    else set({ loading: false, detail: outcome.detail, error: null });
  },

  async back() {
    const history = get().history;
    const previous = history.at(-1);
    if (!previous) return;
    set({ history: history.slice(0, -1), target: null });
    const mine = ++seq;
    set({ target: previous, loading: true, error: null });
    const outcome = await get().fetch(previous);
    if (mine !== seq) return;
    if ('error' in outcome) set({ loading: false, detail: null, error: outcome.error });
    else set({ loading: false, detail: outcome.detail, error: null });
  },
}));

// Which codes a coder looked at relates to the chart: cleared on lock.
registerStoreReset(() => {
  seq++;
  cache.clear();
  useDetail.setState(initial);
}, { holdsPhi: true });

// The next chart starts with an empty pane (the cache of details by code and date stays).
registerChartReset(() => {
  seq++;
  useDetail.setState(initial);
});
