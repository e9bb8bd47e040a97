/** claim.check: the edits engine — being built (see the edits issue). */
import { AppFailure } from '../../../shared/result';

export function checkClaim(..._args: unknown[]): never {
  throw new AppFailure('INTERNAL', 'The claim checker is not built yet.');
}
