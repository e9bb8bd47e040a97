/** HL7 v2 in: files of ADT^A01/A03/A04/A08 and MDM^T02 messages. Filled in by the HL7 reader. */
import { AppFailure } from '../../../../shared/result';
import type { IncomingReader, ReadOptions } from '../incoming';

export function readHl7(_path: string, _options: ReadOptions): IncomingReader {
  throw new AppFailure('INTERNAL', 'The HL7 v2 reader is not built yet.');
}
