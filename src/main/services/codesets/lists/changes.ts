/** codes.changes: what changed between two versions — being built (see the encoder issue). */
import { AppFailure } from '../../../../shared/result';

export function summariseChanges(..._args: unknown[]): never {
  throw new AppFailure('INTERNAL', 'This part of the encoder is not built yet.');
}
