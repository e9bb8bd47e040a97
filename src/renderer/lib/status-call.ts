/** One API call for a screen store that shows busy, an error and a notice: sets them around the call. */
import type { Result } from '../../shared/result';
import { describeError } from './errors';

type Status = { busy: boolean; error: string | null; notice: string | null };

/** The call's value, or null after putting its error (in plain words) on the screen. */
export async function statusCall<T>(set: (status: Partial<Status>) => void, run: () => Promise<Result<T>>, notice: string | null): Promise<T | null> {
  set({ busy: true, error: null, notice: null });
  const result = await run();
  if (!result.ok) {
    set({ busy: false, error: describeError(result.error) });
    return null;
  }
  set({ busy: false, notice });
  return result.value;
}
