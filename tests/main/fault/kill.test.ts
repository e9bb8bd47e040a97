/**
 * SIGKILL during audited writes (issue 10, fault suite): a child process runs the real app
 * on one workspace doing a random mix of every audited write kind, killed at a random
 * moment 5-150 ms after it is unlocked and writing, 25 times over on the same workspace.
 * After each kill: a real unlock (quick_check, the trail against its seal), integrity_check,
 * audit verify, every acknowledged write present, every committed change audited.
 * The bench (fault-kill) runs 200 kills and scripts/soak-kill.mjs 1,000.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { saveCoding } from '../../../src/main/services/charts/coding';
import { demoApp, must } from '../helpers/app';
import { tempDir } from '../helpers/temp';
import { killSeries } from './kill-series';
import type { Ack } from './kill-protocol';
import { checkWorkspace } from './workspace-check';

const KILLS = 25;

describe('SIGKILL during audited writes', () => {
  it(`${KILLS} kills on one workspace: each leaves it intact, every acknowledged write kept and audited`, async () => {
    const seed = crypto.randomInt(2 ** 31);
    // Throws at the first kill whose checks fail, naming the problems and the seed.
    const f = await killSeries({ dir: tempDir('codedesk-kill-'), seed, kills: KILLS });
    // The child did write between the kills; which kinds a short run reaches is random.
    expect(f.acks).toBeGreaterThan(KILLS);
    expect(Object.keys(f.acksByKind).length).toBeGreaterThanOrEqual(5);
  });
});

describe('the checks after a kill can fail', () => {
  it('a coding revision committed without its audit entry is reported', async () => {
    const { app } = await demoApp();
    const db = app.requireSession().db;
    const coding = { diagnoses: [{ code: 'E11.9', poa: 'Y' as const }], procedures: [] };
    await must(app, 'coding.save', { chartId: 'IP-260101', coding, revision: 0 });
    expect(checkWorkspace(db, []).problems).toEqual([]);
    // The pre-93568ea order: the change commits, the process dies before its entry.
    saveCoding(db, { chartId: 'IP-260101', coding: { ...coding, diagnoses: [] }, revision: 1, userId: 'u', at: new Date().toISOString() });
    expect(checkWorkspace(db, []).problems).toEqual(['IP-260101: coding revision 2 committed without its audit entry']);
  });

  it('an acknowledged write that is not stored is reported', async () => {
    const { app } = await demoApp();
    const db = app.requireSession().db;
    const acks: Ack[] = [
      { kind: 'coding.save', chartId: 'IP-260102', revision: 1 },
      { kind: 'charts.hold', chartId: 'IP-260102', reason: 'other' },
    ];
    expect(checkWorkspace(db, acks).problems).toEqual([
      'acknowledged 1× but 0 audit entries: coding.change|IP-260102|1',
      'acknowledged 1× but 0 audit entries: chart.hold|IP-260102|other',
      'IP-260102: acknowledged revision 1 but stored 0',
    ]);
  });

  it('a status changed outside an audited transaction is reported', async () => {
    const { app } = await demoApp();
    const db = app.requireSession().db;
    db.prepare("UPDATE charts SET status = 'on_hold', hold_reason = 'other' WHERE id = ?").run('ED-260301');
    expect(checkWorkspace(db, []).problems).toEqual([
      'ED-260301: status on_hold but the trail replays to new',
      'ED-260301: hold reason other not the audited null',
    ]);
  });
});
