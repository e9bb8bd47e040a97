/**
 * One importer per kind of official file. The registry (registry.ts) lists them; planning
 * (plan.ts) finds each file's importer by sniffing its start; import.ts runs them. An
 * importer owns its transaction: a file is imported whole or not at all.
 */
import type { ImportSummary } from '../../../../shared/contract';
import type { ContentDb } from '../content-db';

/** A file to import: on disk, or (later) a member of a zip. */
export interface ImportSource {
  /** Where it came from, for the summary (a path, or zip path + '!' + member). */
  path: string;
  /** Base name, for messages and fiscal-year detection. */
  name: string;
  /** The first few KB decoded as latin1 (byte-preserving), BOM removed, for sniffing. */
  head: string;
  /**
   * The whole file's bytes at once: only for formats read by a library that needs them all
   * (xlsx). Text and XML importers use chunks(), so memory does not grow with the file.
   */
  read(): Buffer;
  /** The file's bytes in fixed-size chunks (a fresh pass on every call). */
  chunks(): Iterable<Uint8Array>;
  /** Removes the temp file a zip member was inflated to (after its import, or a failed plan). */
  release?(): void;
}

/** What an importer reports; whether the file was verified is import.ts's to add. */
export type FileSummary = Omit<ImportSummary['files'][number], 'verified' | 'release'>;

export interface ImportContext {
  db: ContentDb;
  /**
   * Progress in the importer's own unit (lines, rows, elements), with the total when known;
   * `indexing` once everything is read and the search index is being built.
   */
  progress(done: number, total: number, indexing?: boolean): void;
}

export interface FileImporter {
  /** Stable id, reported in the summary: 'icd10cm-order', 'icd10cm-tabular', … */
  kind: string;
  /** For messages: "ICD-10-CM order file". */
  description: string;
  /** True when the file is of this kind (content first; the name may help). */
  detect(source: Pick<ImportSource, 'name' | 'head'>): boolean;
  /**
   * Checks what can be checked cheaply before anything is written (for example a fiscal
   * year in the name) and throws importFailure(...) when the file cannot be imported.
   */
  check?(source: ImportSource): void;
  /**
   * Parses and writes the file in its own transaction; throws (or rejects with) importFailure(...)
   * on bad data. Asynchronous where a library reads the file (xlsx workbooks through yauzl).
   */
  run(context: ImportContext, source: ImportSource): FileSummary | Promise<FileSummary>;
}
