/** A benchmark: named figures it adds to the one JSON object `npm run bench` prints. */
export interface BenchContext {
  /** Repository root; official data lives at ../shared/data from here. */
  repoRoot: string;
  /** A fresh temp folder the module may use; removed after the run. */
  tempDir: string;
}

export interface BenchModule {
  name: string;
  /** Figures, keyed by name; the keys become top-level keys of the printed object, in order. */
  run(context: BenchContext): Promise<Record<string, unknown>> | Record<string, unknown>;
}
