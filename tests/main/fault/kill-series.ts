/**
 * Many kills on one workspace and their figures, for the bench (200 kills) and the soak
 * script (1,000). Stops at the first kill whose checks fail and says which, with the seed.
 */
import { KillRig, type KillOutcome } from './kill-rig';

export interface KillSeriesFigures {
  kills: number;
  acks: number;
  acksByKind: Record<string, number>;
  /** Kills after which the trail ran one entry past its seal (killed between commit and seal). */
  killsBetweenCommitAndSeal: number;
  entries: number;
  seconds: number;
  killsPerSecond: number;
  /** Per kill: the unlock and every check after it. */
  verifyMs: number[];
}

export class KillSeriesFailure extends Error {}

export async function killSeries(options: {
  dir: string;
  seed: number;
  kills: number;
  onKill?: (index: number, outcome: KillOutcome) => void;
}): Promise<KillSeriesFigures> {
  const rig = await KillRig.create({ dir: options.dir, seed: options.seed });
  const started = performance.now();
  const verifyMs: number[] = [];
  let betweenCommitAndSeal = 0;
  let entries = 0;
  try {
    for (let i = 0; i < options.kills; i++) {
      const outcome = await rig.killOnce();
      options.onKill?.(i, outcome);
      if (outcome.problems.length > 0) {
        throw new KillSeriesFailure(`kill ${i + 1} (seed ${options.seed}, ${outcome.delayMs} ms): ${outcome.problems.slice(0, 10).join('; ')}`);
      }
      verifyMs.push(outcome.verifyMs);
      if (outcome.unsealedEntries > 0) betweenCommitAndSeal += 1;
      entries = outcome.entries;
    }
  } finally {
    rig.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const acksByKind: Record<string, number> = {};
  for (const a of rig.acks) acksByKind[a.kind] = (acksByKind[a.kind] ?? 0) + 1;
  return {
    kills: options.kills,
    acks: rig.acks.length,
    acksByKind,
    killsBetweenCommitAndSeal: betweenCommitAndSeal,
    entries,
    seconds,
    killsPerSecond: options.kills / seconds,
    verifyMs,
  };
}
