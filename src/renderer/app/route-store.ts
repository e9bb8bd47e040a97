/**
 * Which screen shows. Holds only a chart id (no PHI), so it survives a lock and the chart
 * that was open reopens after unlock.
 */
import { create } from 'zustand';
import { registerStoreReset } from '../lib/store-registry';

export type Route = { view: 'queue' } | { view: 'chart'; chartId: string } | { view: 'codesets' } | { view: 'chartimport' } | { view: 'export' } | { view: 'packages' } | { view: 'productivity' } | { view: 'audits' } | { view: 'hub' } | { view: 'audit'; chartId: string; auditId: string };

interface RouteStore {
  route: Route;
  /** A short PHI-free notice for the next screen, e.g. "Chart C-1 submitted." */
  notice: string | null;
  openChart(chartId: string, notice?: string): void;
  showQueue(notice?: string): void;
  showCodeSets(): void;
  showChartImport(): void;
  showExport(): void;
  showPackages(): void;
  showProductivity(): void;
  showAudits(notice?: string): void;
  openAudit(chartId: string, auditId: string): void;
  showHub(): void;
  clearNotice(): void;
}

const initialRoute: Route = { view: 'queue' };

export const useRoute = create<RouteStore>()((set) => ({
  route: initialRoute,
  notice: null,
  openChart: (chartId, notice) => set({ route: { view: 'chart', chartId }, notice: notice ?? null }),
  showQueue: (notice) => set({ route: { view: 'queue' }, notice: notice ?? null }),
  showCodeSets: () => set({ route: { view: 'codesets' }, notice: null }),
  showChartImport: () => set({ route: { view: 'chartimport' }, notice: null }),
  showExport: () => set({ route: { view: 'export' }, notice: null }),
  showPackages: () => set({ route: { view: 'packages' }, notice: null }),
  showProductivity: () => set({ route: { view: 'productivity' }, notice: null }),
  showAudits: (notice) => set({ route: { view: 'audits' }, notice: notice ?? null }),
  openAudit: (chartId, auditId) => set({ route: { view: 'audit', chartId, auditId }, notice: null }),
  showHub: () => set({ route: { view: 'hub' }, notice: null }),
  clearNotice: () => set({ notice: null }),
}));

registerStoreReset(() => useRoute.setState({ route: initialRoute, notice: null }), { holdsPhi: false });
