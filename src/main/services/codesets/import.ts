/**
 * Imports official code-set files (order files, Tabular List, indexes, PCS tables, HCPCS,
 * CPT, edit tables …): each file goes to its importer (importers/registry.ts). Every file is
 * checked before any is written, against the known official releases too
 * (importers/verify-release.ts); each file is then imported whole or not at all, and a bad
 * file names its line and the reason.
 */
import type { ImportSummary } from '../../../shared/contract';
import type { ContentDb } from './content-db';
import { afterFailedImport } from './importers/failed-import';
import { planImports, releaseAll } from './importers/plan';
import { recordSourceFile } from './importers/source-file-record';
import { verifyRelease, type VerifyOptions } from './importers/verify-release';

export interface ImportProgress {
  path: string;
  line: number;
  totalLines: number;
  /** Every line is read and the file's search index is being built: no finer progress comes until it is done. */
  indexing?: true;
}

export type ImportOptions = VerifyOptions;

export async function importCodeFiles(
  db: ContentDb,
  paths: readonly string[],
  onProgress?: (p: ImportProgress) => void,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const planned = await planImports(paths);
  const files: ImportSummary['files'] = [];
  try {
    const checked = planned.map((p) => ({ ...p, check: verifyRelease(p.source, p.importer.kind, options) }));
    for (const { source, importer, check } of checked) {
      const summary = await importer.run(
        {
          db,
          progress: (done, total, indexing) =>
            onProgress?.({ path: source.path, line: done, totalLines: total, ...(indexing ? { indexing: true as const } : {}) }),
        },
        source,
      );
      recordSourceFile(db, importer.kind, source.name, check);
      source.release?.();
      files.push({ ...summary, verified: check.release !== null });
    }
  } catch (error) {
    throw afterFailedImport(db, error);
  } finally {
    releaseAll(planned);
  }
  return {
    files,
    totalCodes: files.reduce((sum, f) => sum + f.codes, 0),
    seconds: (performance.now() - started) / 1000,
  };
}
