/**
 * Imports official code-set files (order files, Tabular List, indexes, PCS tables, HCPCS,
 * CPT, edit tables …): each file goes to its importer (importers/registry.ts). Every file is
 * checked before any is written, against the known official releases too
 * (importers/verify-release.ts); each file is then imported whole or not at all, and a bad
 * file names its line and the reason.
 */
import type { ImportProgress, ImportSummary } from '../../../shared/contract';
import type { ContentDb } from './content-db';
import { basename } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { afterFailedImport } from './importers/failed-import';
import { planWithSkips, releaseAll } from './importers/plan';
import { recordSourceFile } from './importers/source-file-record';
import { verifyRelease, type VerifyOptions } from './importers/verify-release';

export type { ImportProgress };

export type ImportOptions = VerifyOptions;

export async function importCodeFiles(
  db: ContentDb,
  paths: readonly string[],
  onProgress?: (p: ImportProgress) => void,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const { planned, skipped } = await planWithSkips(paths);
  const files: ImportSummary['files'] = [];
  try {
    const count = planned.length;
    const checked = planned.map((p, i) => {
      onProgress?.({ path: p.source.path, file: i + 1, files: count, step: 'checking', line: 0, totalLines: 0 });
      return { ...p, check: verifyRelease(p.source, p.importer.kind, options) };
    });
    for (const [i, { source, importer, check }] of checked.entries()) {
      const at = { path: source.path, file: i + 1, files: count };
      onProgress?.({ ...at, step: 'reading', line: 0, totalLines: 0 });
      const summary = await importer.run(
        {
          db,
          progress: (done, total, indexing) => onProgress?.({ ...at, step: indexing ? 'indexing' : 'reading', line: done, totalLines: total }),
        },
        source,
      );
      recordSourceFile(db, importer.kind, source.name, check);
      source.release?.();
      files.push({ ...summary, verified: check.release !== null, release: check.release?.release ?? null });
    }
  } catch (error) {
    throw withImportedBefore(afterFailedImport(db, error), files);
  } finally {
    releaseAll(planned);
  }
  return {
    files,
    skipped,
    totalCodes: files.reduce((sum, f) => sum + f.codes, 0),
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Each file is committed whole, so a failure midway leaves the files before it imported: the
 * failure names them (detail.importedBefore), so the summary can say what did change.
 */
function withImportedBefore(error: unknown, files: ImportSummary['files']): unknown {
  if (!(error instanceof AppFailure) || files.length === 0) return error;
  const importedBefore = files.map((f) => basename(f.path)).join(', ');
  return new AppFailure(error.code, error.message, { ...error.detail, importedBefore });
}
