/**
 * A separate process that guesses one passphrase when told to: prints "ready", waits for a
 * line on stdin, then prints the outcome code. Used to race real processes on one profile.
 */
import readline from 'node:readline';
import { unlockProfile } from '../../../src/main/services/users/profiles';

const [home, profileId, passphrase, now, N] = process.argv.slice(2) as [string, string, string, string, string];
const lines = readline.createInterface({ input: process.stdin });
process.stdout.write('ready\n');
lines.once('line', () => {
  unlockProfile(home, profileId, passphrase, Number(now), { scrypt: { N: Number(N), r: 8, p: 1 } }).then(
    () => process.stdout.write('OK\n'),
    (error: { code?: string }) => process.stdout.write(`${error.code ?? 'ERROR'}\n`),
  ).finally(() => lines.close());
});
