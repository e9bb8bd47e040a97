/**
 * What every CLI command file builds on: argument parsing with the global options, one API
 * call that turns a failed Result into the CLI's exit, and unlocking the chosen profile.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ProfileSummary } from '../../shared/domain';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { callApi } from '../api';
import type { CodeDeskApp } from '../app';
import { CliExit, EXIT, exitFor, readPassphrase } from './io';

export interface CommandContext {
  app: CodeDeskApp;
  args: string[];
}

type Options = NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_OPTIONS = {
  home: { type: 'string' },
  'passphrase-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliExit(EXIT.badInput, e instanceof Error ? e.message.split('\n')[0] ?? 'Bad arguments.' : 'Bad arguments.');
  }
}

export async function call<M extends MethodName>(app: CodeDeskApp, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await callApi(app, method, input);
  if (!result.ok) throw exitFor(result.error);
  return result.value;
}

/** The single profile, or the one named by --user. */
export async function chooseProfile(app: CodeDeskApp, user: string | undefined): Promise<ProfileSummary> {
  const profiles = await call(app, 'profiles.list', {});
  const chosen = user ? profiles.filter((p) => p.displayName === user || p.id === user) : profiles;
  if (chosen.length === 0) throw new CliExit(EXIT.badInput, user ? 'No profile with that name.' : 'No profile yet: run codedesk workspace create.');
  if (chosen.length > 1) throw new CliExit(EXIT.badInput, 'Several profiles exist: name one with --user NAME.');
  return chosen[0]!;
}

/** Unlocks the chosen profile with the CLI's passphrase source. */
export async function unlock(app: CodeDeskApp, user: string | undefined, passphraseFile: string | undefined): Promise<void> {
  const profile = await chooseProfile(app, user);
  // A trail that fails its seal still unlocks (so `audit verify` can say what it found); changes are refused.
  await call(app, 'session.unlock', { profileId: profile.id, passphrase: readPassphrase(passphraseFile) });
}

export interface Command {
  usage: string;
  run(ctx: CommandContext): Promise<void>;
}
