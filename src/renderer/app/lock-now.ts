/** Manual lock (button, Ctrl+Shift+L): store the draft first, then lock. */
import { useCoding } from '../features/coding/coding-store';
import { useSession } from '../features/session/session-store';

export async function lockNow(): Promise<void> {
  // A failed save is not a reason to keep PHI on screen: the draft is kept across the lock.
  await useCoding.getState().flush();
  await useSession.getState().lock();
}
