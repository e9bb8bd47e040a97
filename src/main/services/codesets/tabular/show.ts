/** codes.show: a code with hierarchy and Tabular List notes — being built (see the encoder issue). */
import { AppFailure } from '../../../../shared/result';

export function showCode(..._args: unknown[]): never {
  throw new AppFailure('INTERNAL', 'This part of the encoder is not built yet.');
}
