/** Active time on charts, and the threshold that defines it. */
import { AppFailure } from '../../shared/result';
import { row } from '../services/db/rows';
import { transaction } from '../services/db/transaction';
import { SETTINGS } from '../../shared/domain';
import { readActivityIdleMinutes, readUnitWeights, writeActivityIdleMinutes, writeUnitWeights } from '../services/workspace/settings';
import type { HandlerTable } from './types';

/** Clock and event-loop slack between the renderer measuring and main checking. */
const SLACK_SECONDS = 5;

export const activityHandlers: HandlerTable<'activity.record' | 'settings.setActivityIdle' | 'settings.setUnitWeights'> = {
  'activity.record': (input, app) => {
    const s = app.requireSession();
    return transaction(s.db, () => {
      // Time can only be claimed since the last record, or (for the first) since the chart was first opened.
      const since = row<{ at: string }>(
        s.db,
        `SELECT at FROM audit_log WHERE chart_id = ? AND user_id = ? AND action = 'chart.activity'
         UNION ALL SELECT min(at) FROM audit_log WHERE chart_id = ? AND user_id = ? AND action = 'chart.open'
         ORDER BY at DESC LIMIT 1`,
        input.chartId, s.profile.id, input.chartId, s.profile.id,
      )?.at;
      if (!since) throw new AppFailure('CONFLICT', 'Active time is recorded only for a chart you have opened.');
      const elapsed = (app.now().getTime() - Date.parse(since)) / 1000;
      if (input.activeSeconds > elapsed + SLACK_SECONDS) {
        throw new AppFailure('BAD_INPUT', 'More active time was reported than has passed since the chart was opened or last recorded: nothing was recorded.');
      }
      app.audit('chart.activity', input.chartId, { activeSeconds: input.activeSeconds, idleMinutes: readActivityIdleMinutes(s.db) });
      return { recorded: input.activeSeconds };
    });
  },
  'settings.setUnitWeights': (input, app) => {
    const s = app.requireSession();
    transaction(s.db, () => {
      writeUnitWeights(s.db, input.weights);
      app.audit('settings.change', null, { unitWeights: SETTINGS.map((k) => input.weights[k]) });
    });
    return readUnitWeights(s.db);
  },
  'settings.setActivityIdle': (input, app) => {
    const s = app.requireSession();
    transaction(s.db, () => {
      writeActivityIdleMinutes(s.db, input.minutes);
      app.audit('settings.change', null, { activityIdleMinutes: input.minutes });
    });
    return app.status();
  },
};
