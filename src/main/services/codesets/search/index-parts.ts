/**
 * A version's word index as parts that can cross to another thread: read and built where the
 * CPU time does not hold up searches (the code-set worker), wrapped on the main thread
 * (index-swap.ts). Typed arrays go by transfer; strings are copied once.
 */
import type { ContentVersion } from '../../../../shared/domain';
import { row } from '../../db/rows';
import type { ContentDb } from '../content-db';
import type { IndexColumns } from './word-index';
import { buildIndexArrays, type IndexArrays } from './word-index-build';
import { columnsOf } from './word-index-cache';

/** One version's index parts; `version` says which import they are of (checked again on install). */
export interface BuiltParts {
  version: Pick<ContentVersion, 'id' | 'importedAt' | 'codeCount'>;
  columns: Omit<IndexColumns, 'shortTitles'>;
  arrays: IndexArrays;
}

/** The parts of each version still in the database, each with its row as read (one snapshot). */
export function buildIndexParts(db: ContentDb, versionIds: readonly number[]): BuiltParts[] {
  return db.transaction(() =>
    versionIds.flatMap((id): BuiltParts[] => {
      const version = row<{ importedAt: string; codeCount: number }>(
        db,
        'SELECT imported_at AS importedAt, code_count AS codeCount FROM content_version WHERE id = ?',
        id,
      );
      if (!version) return [];
      const { shortTitles, ...columns } = columnsOf(db, id);
      return [{ version: { id, ...version }, columns, arrays: buildIndexArrays(shortTitles, columns.longTitles) }];
    }),
  )();
}

/** Every buffer of the parts once (a duplicate in a transfer list is an error). */
export function transferablesOf(parts: readonly BuiltParts[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (view: ArrayBufferView) => buffers.add(view.buffer as ArrayBuffer);
  for (const { columns, arrays } of parts) {
    [columns.ids, columns.billable, columns.codeOrder].forEach(add);
    [arrays.postingStart, arrays.postings, arrays.titleStart, arrays.titleWords, arrays.sequenceStart, arrays.sequences, arrays.weights].forEach(add);
    arrays.prebuilt.forEach(add);
  }
  return [...buffers];
}
