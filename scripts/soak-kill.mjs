#!/usr/bin/env node
// Soak of the kill test (issue 10's fault suite); not part of `npm test`.
//
//   node scripts/soak-kill.mjs [KILLS] [SEED]        (default 1000 kills, a random seed)
//
// A child process runs the real app on one workspace doing a random mix of every audited
// write (coding.save, charts.submit/hold/release, charts.get, documents.get, demo.load,
// session lock/unlock) and is SIGKILLed 5-150 ms after it starts writing, KILLS times over
// on the same workspace (tests/main/fault/kill-rig.ts). After each kill a real unlock runs
// quick_check and compares the trail with its seal, then integrity_check, audit verify,
// every acknowledged write present and every committed change audited
// (tests/main/fault/workspace-check.ts). Progress goes to stderr every 50 kills; the
// figures go to stdout as one JSON object. Exit 1 at the first kill whose checks fail,
// naming it and the seed. Takes about 1 s per kill on a 2-core machine.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';

process.env.CODEDESK_LOG ??= 'silent'; // the rig's own unlocks would log slow calls
register();
const { killSeries } = await import('../tests/main/fault/kill-series.ts');

const kills = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? crypto.randomInt(2 ** 31));
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: node scripts/soak-kill.mjs [KILLS] [SEED]\n');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-soak-kill-'));
try {
  const figures = await killSeries({
    dir,
    seed,
    kills,
    onKill: (i, outcome) => {
      if ((i + 1) % 50 === 0) process.stderr.write(`soak-kill: ${i + 1} of ${kills} kills, ${outcome.entries} audit entries\n`);
    },
  });
  const verify = [...figures.verifyMs].sort((a, b) => a - b);
  const at = (p) => Math.round(verify[Math.min(verify.length - 1, Math.ceil((p / 100) * verify.length) - 1)]);
  const { verifyMs: _all, ...rest } = figures;
  process.stdout.write(`${JSON.stringify({ seed, ...rest, verifyP50Ms: at(50), verifyP95Ms: at(95), verifyMaxMs: at(100) })}\n`);
} catch (error) {
  process.stderr.write(`soak-kill failed (seed ${seed}): ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
