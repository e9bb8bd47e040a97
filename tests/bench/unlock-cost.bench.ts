/**
 * What the passphrase KDF costs an attacker who copied keys.json (no throttle applies offline):
 * scrypt at the production settings per guess, as CPU time (less sensitive to machine load
 * than wall time), the guesses a day one core makes, and how long the passphrase floor
 * (10^10 estimated guesses) and zxcvbn's score 3 (10^8) last against one core. Plus what the
 * strength check costs: loading its dictionaries once, and one check.
 */
import crypto from 'node:crypto';
import { MIN_GUESSES_LOG10, loadPassphraseCheck } from '../../src/shared/passphrase-strength';
import { DEFAULT_SCRYPT, scryptMemory } from '../../src/main/services/vault/kdf';
import type { BenchModule } from './bench-module';

const GUESSES = 8;
const DAY_S = 86_400;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

export const unlockCostBench: BenchModule = {
  name: 'unlockCost',
  async run() {
    const salt = crypto.randomBytes(16);
    const cpuMs: number[] = [];
    const wallMs: number[] = [];
    for (let i = 0; i < GUESSES; i++) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      crypto.scryptSync(`guess ${i}`, salt, 32, { ...DEFAULT_SCRYPT, maxmem: scryptMemory(DEFAULT_SCRYPT) + 1024 * 1024 });
      wallMs.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
    }
    const perGuessS = median(cpuMs) / 1000;
    const perDay = DAY_S / perGuessS;

    let start = performance.now();
    const check = await loadPassphraseCheck();
    const loadMs = performance.now() - start;
    const checkMs: number[] = [];
    for (const passphrase of ['correct horse battery staple', 'password1234', 'dana coder dana coder', 'a brand new passphrase']) {
      start = performance.now();
      check(passphrase, ['Dana Coder']);
      checkMs.push(performance.now() - start);
    }
    return {
      unlockCost: {
        scrypt: DEFAULT_SCRYPT,
        cpuMsPerGuess: Math.round(median(cpuMs)),
        wallMsPerGuess: Math.round(median(wallMs)),
        guessesPerDayPerCore: Math.round(perDay),
        floorGuessesLog10: MIN_GUESSES_LOG10,
        floorCoreYears: Math.round(10 ** MIN_GUESSES_LOG10 / perDay / 365),
        score3CoreDays: Math.round(1e8 / perDay),
        strengthLoadMs: Math.round(loadMs),
        strengthCheckMsMedian: Math.round(median(checkMs)),
      },
    };
  },
};
