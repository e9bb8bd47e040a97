/**
 * Imports official code-set files (order files, Tabular List, indexes, PCS tables, HCPCS,
 * CPT, edit tables …): each file goes to its importer (importers/registry.ts). Every file is
 * checked before any is written; each file is then imported whole or not at all, and a bad
 * file names its line and the reason.
 */
import type { ImportSummary } from '../../../shared/contract';
import type { ContentDb } from './content-db';
import { planImports, releaseAll } from './importers/plan';

export interface ImportProgress {
  path: string;
  line: number;
  totalLines: number;
  /** Every line is read and the file's search index is being built: no finer progress comes until it is done. */
  indexing?: true;
}

export async function importCodeFiles(
  db: ContentDb,
  paths: readonly string[],
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportSummary> {
  const started = performance.now();
  const planned = await planImports(paths);
  const files: ImportSummary['files'] = [];
  try {
    for (const { source, importer } of planned) {
      const summary = await importer.run(
        {
          db,
          progress: (done, total, indexing) =>
            onProgress?.({ path: source.path, line: done, totalLines: total, ...(indexing ? { indexing: true as const } : {}) }),
        },
        source,
      );
      source.release?.();
      files.push(summary);
    }
  } finally {
    releaseAll(planned);
  }
  return {
    files,
    totalCodes: files.reduce((sum, f) => sum + f.codes, 0),
    seconds: (performance.now() - started) / 1000,
  };
}
