/** The productivity screen's state: the period, whose figures, the report, and the export. Ids and counts only. */
import { create } from 'zustand';
import type { ProductivityReport } from '../../../shared/productivity';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerStoreReset } from '../../lib/store-registry';
import { presetRange, type PeriodPreset } from './period';
import type { Grouping } from './table-rows';

export type ExportFormat = 'csv' | 'xlsx';
/** This workspace's activity, or the team hub's roll-up (a workspace signed in to a hub). */
export type ReportSource = 'workspace' | 'hub';

interface ProductivityState {
  preset: PeriodPreset | null;
  from: string;
  to: string;
  /** One coder (a supervisor's choice); null for the team, or for one's own figures. */
  coderId: string | null;
  grouping: Grouping;
  source: ReportSource;
  /** The team's coders from the last whole-team report: the coder choice keeps them while one is shown. */
  teamCoders: { userId: string; displayName: string }[];
  report: ProductivityReport | null;
  loading: boolean;
  error: string | null;
  exportPath: string;
  exporting: boolean;
  exported: string | null;
  exportError: string | null;
  load(): Promise<void>;
  choosePreset(days: PeriodPreset): void;
  chooseDates(from: string, to: string): void;
  chooseCoder(coderId: string | null): void;
  chooseSource(source: ReportSource): void;
  setGrouping(grouping: Grouping): void;
  setExportPath(path: string): void;
  exportAs(format: ExportFormat): Promise<void>;
}

const initial = () => ({
  preset: 30 as PeriodPreset | null,
  ...presetRange(30),
  coderId: null,
  grouping: 'coder' as Grouping,
  source: 'workspace' as ReportSource,
  teamCoders: [] as { userId: string; displayName: string }[],
  report: null,
  loading: false,
  error: null,
  exportPath: '',
  exporting: false,
  exported: null,
  exportError: null,
});

let loadSeq = 0;

export const useProductivity = create<ProductivityState>()((set, get) => ({
  ...initial(),
  async load() {
    const seq = ++loadSeq;
    const { from, to, coderId, source } = get();
    set({ loading: true, error: null });
    const result = await call('reports.productivity', { from, to, source, ...(coderId ? { coderId } : {}) });
    if (seq !== loadSeq) return; // a newer choice is loading
    if (!result.ok) set({ error: describeError(result.error), loading: false });
    else if (result.value.scope === 'team' && coderId === null) {
      set({ report: result.value, loading: false, teamCoders: result.value.coders.map((c) => ({ userId: c.userId, displayName: c.displayName })) });
    } else set({ report: result.value, loading: false });
  },
  choosePreset(days) {
    set({ preset: days, ...presetRange(days) });
    void get().load();
  },
  chooseDates(from, to) {
    set({ preset: null, from, to });
    void get().load();
  },
  chooseCoder(coderId) {
    set({ coderId });
    void get().load();
  },
  chooseSource(source) {
    // Coder ids differ between a workspace and the hub: back to the whole team.
    set({ source, coderId: null, teamCoders: [], report: null });
    void get().load();
  },
  setGrouping: (grouping) => set({ grouping }),
  setExportPath: (exportPath) => set({ exportPath, exported: null, exportError: null }),
  async exportAs(format) {
    const { from, to, coderId, exportPath, source } = get();
    const path = exportPath.trim();
    if (!path) {
      set({ exportError: 'Enter the full path of a new file.' });
      return;
    }
    set({ exporting: true, exported: null, exportError: null });
    const result = await call('reports.exportProductivity', { from, to, format, path, source, ...(coderId ? { coderId } : {}) });
    if (result.ok) set({ exporting: false, exported: `Wrote ${result.value.rows.toLocaleString()} day rows as ${format.toUpperCase()} to ${result.value.path}.` });
    else set({ exporting: false, exportError: describeError(result.error) });
  },
}));

// Team figures are not PHI, but they are not for the next person to unlock either.
registerStoreReset(() => useProductivity.setState(initial()), { holdsPhi: true });
