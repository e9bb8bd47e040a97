/**
 * The one shape of an import error: IMPORT_FAILED naming the file (base name), the line and
 * the reason. Reasons never quote raw file content (a wrong file picked by mistake could
 * hold PHI); they may quote codes, which have been checked to be code-shaped.
 */
import { AppFailure } from '../../../shared/result';

/** `line` is 1-based; 0 means the problem is with the whole file (its name, its size). */
export function importFailure(file: string, line: number, reason: string): AppFailure {
  const where = line > 0 ? `${file} line ${line}` : file;
  return new AppFailure('IMPORT_FAILED', `${where}: ${reason}`, { file, line, reason });
}
