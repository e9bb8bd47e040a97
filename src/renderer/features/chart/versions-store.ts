/**
 * The open chart's versions (its submissions, with their codes, and the reopens), and the
 * reopen action. PHI (codes of a patient): emptied on lock.
 */
import { create } from 'zustand';
import type { ChartVersions, ReopenReason } from '../../../shared/domain';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerStoreReset } from '../../lib/store-registry';
import { useChart } from './chart-store';

interface VersionsData {
  versions: ChartVersions | null;
  loadError: string | null;
  reopening: boolean;
  reopenError: string | null;
}

interface VersionsActions {
  load(chartId: string): Promise<void>;
  /** Reopens a submitted chart as its next version; true when done. */
  reopen(chartId: string, reason: ReopenReason, note: string): Promise<boolean>;
  clearReopenError(): void;
}

const initial: VersionsData = { versions: null, loadError: null, reopening: false, reopenError: null };

export const useVersions = create<VersionsData & VersionsActions>()((set, get) => ({
  ...initial,

  async load(chartId) {
    if (get().versions?.chartId !== chartId) set({ versions: null, loadError: null });
    const result = await call('charts.versions', { chartId });
    if (useChart.getState().chartId !== chartId) return; // the coder moved on meanwhile
    if (result.ok) set({ versions: result.value, loadError: null });
    else set({ loadError: describeError(result.error) });
  },

  async reopen(chartId, reason, note) {
    if (get().reopening) return false;
    set({ reopening: true, reopenError: null });
    const result = await call('charts.reopen', { chartId, reason, note });
    if (!result.ok) {
      set({ reopening: false, reopenError: describeError(result.error) });
      return false;
    }
    set({ reopening: false });
    useChart.getState().setDetail(result.value);
    await get().load(chartId);
    return true;
  },

  clearReopenError() {
    set({ reopenError: null });
  },
}));

registerStoreReset(() => useVersions.setState(initial), { holdsPhi: true });
