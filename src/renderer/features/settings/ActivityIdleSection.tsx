/** The active-time threshold: a pause between inputs longer than this is not counted as time on a chart. */
import { call } from '../../lib/api';
import { useSession } from '../session/session-store';
import { MinutesSetting } from './MinutesSetting';

const plural = (n: number) => (n === 1 ? 'minute' : 'minutes');

export function ActivityIdleSection() {
  const current = useSession((s) => s.status?.activityIdleMinutes ?? null);
  return (
    <MinutesSetting
      id="activity-idle"
      title="Active time"
      current={current}
      min={1}
      max={30}
      before="A pause longer than"
      after="minutes is not active time"
      label="Minutes of pause after which time on a chart stops counting"
      hint="Productivity counts the time between your keys, clicks and scrolling on a chart while CodeDesk has focus. Default 2 minutes."
      save={(minutes) => call('settings.setActivityIdle', { minutes })}
      savedOf={(s) => s.activityIdleMinutes}
      savedText={(n) => `Saved: a pause longer than ${n} ${plural(n)} is not counted.`}
    />
  );
}
