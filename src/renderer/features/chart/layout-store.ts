/**
 * The chart screen's pane widths and the code detail's collapsed state, per user: read from and
 * saved to the user's workspace (preferences.get/set), never to browser storage, whose origin
 * changes with the browser host's port.
 */
import { create } from 'zustand';
import { clampLayout, DEFAULT_CHART_LAYOUT, type ChartLayout } from '../../../shared/layout';
import { call } from '../../lib/api';
import { debounce } from '../../lib/debounce';
import { registerStoreReset } from '../../lib/store-registry';

interface LayoutStore {
  layout: ChartLayout;
  loaded: boolean;
  /** Reads the user's saved layout once per unlock. */
  load(): Promise<void>;
  resize(patch: Partial<Pick<ChartLayout, 'recordsPct' | 'detailPct'>>): void;
  toggleDetail(): void;
  /** Saves a pending change now (the end of a drag). */
  commit(): void;
}

// A drag or held arrow key is many changes: the last one is saved.
const save = debounce((layout: ChartLayout) => {
  // A failed save (locked, read-only workspace) keeps the layout on screen; the next change retries.
  void call('preferences.set', { chartLayout: layout });
}, 300);

let touched = false;
let loading: Promise<void> | null = null;

export const useLayout = create<LayoutStore>()((set, get) => {
  const change = (layout: ChartLayout): void => {
    touched = true;
    const kept = clampLayout(layout);
    set({ layout: kept });
    save(kept);
  };
  return {
    layout: DEFAULT_CHART_LAYOUT,
    loaded: false,
    load() {
      loading ??= call('preferences.get', {}).then((result) => {
        // The coder's own change while this was in flight wins.
        if (result.ok && !touched) set({ layout: result.value.chartLayout });
        set({ loaded: true });
      });
      return loading;
    },
    resize(patch) {
      change({ ...get().layout, ...patch });
    },
    toggleDetail() {
      change({ ...get().layout, detailCollapsed: !get().layout.detailCollapsed });
      save.flush();
    },
    commit() {
      save.flush();
    },
  };
});

// Not PHI, but the locked user's own: reset with the PHI stores so the next profile reads its own.
registerStoreReset(() => {
  save.cancel();
  touched = false;
  loading = null;
  useLayout.setState({ layout: DEFAULT_CHART_LAYOUT, loaded: false });
}, { holdsPhi: true });
