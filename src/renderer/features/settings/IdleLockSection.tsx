/**
 * The idle lock (automatic logoff): 1 to 30 minutes. Main stores it with its audit entry in
 * one transaction and re-arms the lock at once, counted from the last activity.
 */
import { IDLE_LOCK_LIMITS } from '../../../shared/domain';
import { call } from '../../lib/api';
import { useSession } from '../session/session-store';
import { MinutesSetting } from './MinutesSetting';

const { min, max } = IDLE_LOCK_LIMITS;
const plural = (n: number) => (n === 1 ? 'minute' : 'minutes');

export function IdleLockSection() {
  const current = useSession((s) => s.status?.idleLockMinutes ?? null);
  return (
    <MinutesSetting
      id="idle-lock"
      title="Automatic lock"
      current={current}
      min={min}
      max={max}
      before="Lock after"
      after="idle minutes"
      label="Idle minutes before CodeDesk locks"
      hint={`${min} to ${max} minutes. CodeDesk hides every chart and forgets its key when it locks; your work is saved.`}
      save={(minutes) => call('settings.setIdleLock', { minutes })}
      savedOf={(s) => s.idleLockMinutes}
      savedText={(n) => `Saved: CodeDesk now locks after ${n} idle ${plural(n)}.`}
    />
  );
}
