/** CLI plumbing: exit codes, one-line errors, passphrase sources. */
import fs from 'node:fs';
import { ErrorCode, type AppError } from '../../shared/result';
import { jsonSafe } from './terminal-text';

/** 3: the command ran and found errors (claim check); not a failure of the input or the machine. */
export const EXIT = { ok: 0, failed: 1, badInput: 2, findings: 3 } as const;

/** Thrown by commands for a clean exit with a one-line reason on stderr. */
export class CliExit extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

/** Failures of the machine or the files, not of what the user typed: exit 1. */
const NOT_INPUT: ReadonlySet<string> = new Set([ErrorCode.Internal, ErrorCode.Unavailable, ErrorCode.DiskFull, ErrorCode.WorkspaceDamaged, ErrorCode.AuditBroken]);

/** Everything the user can fix by changing what they typed or supplied is "bad input" (2). */
export function exitFor(error: AppError): CliExit {
  return new CliExit(NOT_INPUT.has(error.code) ? EXIT.failed : EXIT.badInput, error.message);
}

export function readPassphrase(file: string | undefined): string {
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new CliExit(EXIT.badInput, 'Cannot read the passphrase file.');
    }
    const first = text.split(/\r?\n/)[0] ?? '';
    if (!first) throw new CliExit(EXIT.badInput, 'The passphrase file is empty.');
    return first;
  }
  const env = process.env.CODEDESK_PASSPHRASE;
  if (!env) throw new CliExit(EXIT.badInput, 'No passphrase: set CODEDESK_PASSPHRASE or pass --passphrase-file FILE.');
  return env;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${jsonSafe(JSON.stringify(value))}\n`);
}
