/** Every path given to an import, read in turn by the reader its content calls for. */
import { detectSource } from './detect';
import { readFhir } from './fhir/read-fhir';
import { readHl7 } from './hl7/read-hl7';
import type { IncomingReader, ReadOptions } from './incoming';

/** Detects every path first, so a path that is not an export fails before any chart is read. */
export async function* readSources(paths: readonly string[], options: ReadOptions): IncomingReader {
  const kinds = paths.map((p) => ({ path: p, kind: detectSource(p) }));
  for (const { path, kind } of kinds) {
    yield* kind === 'hl7v2' ? readHl7(path, options) : readFhir(path, options);
  }
}
