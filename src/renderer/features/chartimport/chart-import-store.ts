/**
 * The Import charts screen: the paths typed, what ambulatory encounters become, the progress main
 * pushes after each batch, and how it ended. The summary names encounters in its refusals, so it
 * is cleared on lock.
 */
import { create } from 'zustand';
import type { ChartImportProgress, ChartImportSummary } from '../../../shared/chart-import';
import { call, subscribe } from '../../lib/api';
import { registerStoreReset } from '../../lib/store-registry';
import { pathsOf } from '../codesets/import-store';

export type AmbulatorySetting = 'outpatient_surgery' | 'professional';

interface ChartImportStore {
  paths: string;
  ambulatory: AmbulatorySetting;
  running: boolean;
  progress: ChartImportProgress | null;
  summary: ChartImportSummary | null;
  failure: string | null;
  setPaths(paths: string): void;
  setAmbulatory(setting: AmbulatorySetting): void;
  start(): Promise<void>;
}

const initial = { paths: '', ambulatory: 'outpatient_surgery' as AmbulatorySetting, running: false, progress: null, summary: null, failure: null };

export const useChartImport = create<ChartImportStore>()((set, get) => ({
  ...initial,
  setPaths: (paths) => set({ paths }),
  setAmbulatory: (ambulatory) => set({ ambulatory }),
  async start() {
    const paths = pathsOf(get().paths);
    if (paths.length === 0 || get().running) return;
    set({ running: true, progress: null, summary: null, failure: null });
    const off = subscribe((name, payload) => {
      if (name === 'charts.import.progress') set({ progress: payload as ChartImportProgress });
    });
    try {
      const result = await call('charts.import', { paths, ambulatorySetting: get().ambulatory });
      if (result.ok) set({ summary: result.value });
      else set({ failure: result.error.message });
    } finally {
      off();
      set({ running: false, progress: null });
    }
  },
}));

registerStoreReset(() => useChartImport.setState(initial), { holdsPhi: true });
