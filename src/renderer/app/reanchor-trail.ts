/** "Record and continue" on a trail that failed its seal: the finding goes on the record. */
import { useSession } from '../features/session/session-store';
import { call } from '../lib/api';
import { describeError } from '../lib/errors';

export async function reanchorTrail(): Promise<string | null> {
  const result = await call('audit.reanchor', {});
  if (!result.ok) return describeError(result.error);
  useSession.setState({ status: result.value });
  return null;
}
