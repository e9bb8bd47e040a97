/**
 * Every store registers how to reset itself, marked by whether it holds PHI. Locking calls
 * resetPhiStores() so no chart data stays in memory the screen could show; tests reset all.
 */
type Reset = () => void;

const phiResets = new Set<Reset>();
const otherResets = new Set<Reset>();

export function registerStoreReset(reset: Reset, options: { holdsPhi: boolean }): void {
  (options.holdsPhi ? phiResets : otherResets).add(reset);
}

export function resetPhiStores(): void {
  for (const reset of phiResets) reset();
}

export function resetAllStores(): void {
  resetPhiStores();
  for (const reset of otherResets) reset();
}
