/** FHIR R4 in: a Bundle file, or a Bulk Data export (folder or zip of NDJSON). Filled in by the FHIR reader. */
import { AppFailure } from '../../../../shared/result';
import type { IncomingReader, ReadOptions } from '../incoming';

export function readFhir(_path: string, _options: ReadOptions): IncomingReader {
  throw new AppFailure('INTERNAL', 'The FHIR reader is not built yet.');
}
