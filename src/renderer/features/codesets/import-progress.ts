/** What the progress bar shows for one progress event from main (pure, for the bar and its tests). */
import type { ImportProgress } from '../../../shared/contract';

export interface ProgressView {
  /** 0..1 over the whole import, or null while files are checked (no per-file figure yet). */
  fraction: number | null;
  /** "File 2 of 5 · icd10cm_order_2026.txt" */
  file: string;
  /** "Reading 45,000 of 98,186 lines" */
  step: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** The last part of a path (either separator) or of a zip member ("x.zip!member"). */
export function baseName(path: string): string {
  return path.split(/[\\/!]/).pop() ?? path;
}

/** Reading is most of a file's time; building its search index the rest (no finer figure comes). */
const READ_SHARE = 0.9;
/** Where the bar stands while the search index is built beside the current one, after the last file. */
const SEARCH_AT = 0.97;

export function progressView(p: ImportProgress): ProgressView {
  const file = `File ${p.file} of ${p.files} · ${baseName(p.path)}`;
  if (p.step === 'checking') return { fraction: null, file, step: 'Checking against the official releases' };
  if (p.step === 'search') {
    return { fraction: SEARCH_AT, file: `All ${p.files} ${p.files === 1 ? 'file' : 'files'} imported`, step: 'Search index updating (search answers from the current codes meanwhile)' };
  }
  const read = p.totalLines > 0 ? Math.min(1, p.line / p.totalLines) : 0;
  const within = p.step === 'indexing' ? READ_SHARE : READ_SHARE * read;
  const fraction = (p.file - 1 + within) / Math.max(1, p.files);
  const step =
    p.step === 'indexing'
      ? `Building the search index (${count(p.totalLines)} lines read)`
      : p.totalLines > 0
        ? `Reading ${count(p.line)} of ${count(p.totalLines)} lines`
        : 'Reading';
  return { fraction, file, step };
}
