/**
 * The kill test at bench size (issue 10's fault suite): 200 SIGKILLs of a child doing every
 * audited write kind on one workspace, each followed by a real unlock and the full checks
 * (tests/main/fault/workspace-check.ts). Fails the bench on the first broken kill; reports
 * the kill rate, how many writes were acknowledged and checked, and the time to verify.
 */
import crypto from 'node:crypto';
import { killSeries } from '../main/fault/kill-series';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const KILLS = 200;

export const faultKillBench: BenchModule = {
  name: 'faultKill',
  async run({ tempDir }) {
    const seed = crypto.randomInt(2 ** 31);
    const f = await killSeries({ dir: tempDir, seed, kills: KILLS });
    return {
      faultKill: {
        kills: f.kills,
        seed,
        acksChecked: f.acks,
        acksByKind: f.acksByKind,
        killsBetweenCommitAndSeal: f.killsBetweenCommitAndSeal,
        auditEntries: f.entries,
        seconds: Math.round(f.seconds * 10) / 10,
        killsPerSecond: Math.round(f.killsPerSecond * 100) / 100,
        verify: summarise(f.verifyMs),
      },
    };
  },
};
