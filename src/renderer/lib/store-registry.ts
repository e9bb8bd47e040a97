/**
 * Every store registers how to reset itself, marked by whether it holds PHI. Locking calls
 * resetPhiStores() so no chart data stays in memory the screen could show; tests reset all.
 *
 * State that belongs to the open chart (the code in the detail pane, a find query, a PCS
 * prefix, "Added X.") registers a chart reset too: resetChartStores() runs whenever another
 * chart opens, so nothing of the last chart shows on the next.
 */
type Reset = () => void;

const phiResets = new Set<Reset>();
const otherResets = new Set<Reset>();
const chartResets = new Set<Reset>();

export function registerStoreReset(reset: Reset, options: { holdsPhi: boolean }): void {
  (options.holdsPhi ? phiResets : otherResets).add(reset);
}

export function registerChartReset(reset: Reset): void {
  chartResets.add(reset);
}

export function resetPhiStores(): void {
  for (const reset of phiResets) reset();
}

export function resetAllStores(): void {
  resetPhiStores();
  for (const reset of otherResets) reset();
}

export function resetChartStores(): void {
  for (const reset of chartResets) reset();
}
