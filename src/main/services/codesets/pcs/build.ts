/** codes.pcsBuild: the ICD-10-PCS table builder — being built (see the encoder issue). */
import { AppFailure } from '../../../../shared/result';

export function pcsBuild(..._args: unknown[]): never {
  throw new AppFailure('INTERNAL', 'This part of the encoder is not built yet.');
}
