/** codes.tableSearch: Neoplasm and Drug tables — being built (see the encoder issue). */
import { AppFailure } from '../../../../shared/result';

export function searchIndexTable(..._args: unknown[]): never {
  throw new AppFailure('INTERNAL', 'This part of the encoder is not built yet.');
}
