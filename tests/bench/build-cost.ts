/** What building something costs: wall time, and the memory it leaves behind after forced full collections. */
import v8 from 'node:v8';
import vm from 'node:vm';

/** A forced full collection, so heap figures are what an index keeps, not garbage from building it. */
export function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

/** JS heap plus buffers outside it (typed arrays), in bytes. */
function retained(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Wall time of `build` and the memory it leaves behind (after full collections), in MB. */
export function buildCost<T>(build: () => T, gc: () => void): { value: T; buildMs: number; retainedMB: number } {
  gc();
  const before = retained();
  const started = performance.now();
  const value = build();
  const buildMs = performance.now() - started;
  gc();
  const retainedMB = (retained() - before) / 1e6;
  return { value, buildMs: Math.round(buildMs), retainedMB: Math.round(retainedMB * 10) / 10 };
}
