/** codes.browse: the Tabular List as a tree — being built (see the encoder issue). */
import { AppFailure } from '../../../../shared/result';

export function browseTabular(..._args: unknown[]): never {
  throw new AppFailure('INTERNAL', 'This part of the encoder is not built yet.');
}
