/**
 * `codedesk hub …`: run the team hub, and add its users. The database URL comes from
 * --database-url or CODEDESK_HUB_DATABASE_URL (better: it keeps a password out of `ps`); a
 * new user's password from CODEDESK_HUB_PASSWORD or --password-file; the data key that seals
 * charts from CODEDESK_HUB_DATA_KEY (never a flag, never the database).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import { muteLog } from '../log';
import { CliExit, EXIT, exitFor } from '../cli/io';
import { terminalSafe } from '../cli/terminal-text';
import { DEFAULT_READ_OPTIONS } from '../services/interchange/incoming';
import { ingestExports } from './ingest';
import { migrateHub } from './db/migrations';
import { describeDatabase, openPool, type Db } from './db/pool';
import { checkDataKey, dataKeyFrom, newDataKey, type DataKey } from './seal';
import { startHub } from './server';
import { addUser } from './users';

export const HUB_USAGE = [
  'hub start --database-url URL [--port N] [--host ADDR] (--tls-cert FILE --tls-key FILE | --insecure-loopback)',
  'hub user add --database-url URL --name NAME --role coder|auditor|supervisor [--password-file FILE]',
  'hub ingest --database-url URL PATH... [--ambulatory outpatient|professional] [--json]   (FHIR R4 / HL7 v2 exports into the team queue)',
  'hub key new   (prints a new data key for CODEDESK_HUB_DATA_KEY)',
];

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        'database-url': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'insecure-loopback': { type: 'boolean' },
        name: { type: 'string' },
        role: { type: 'string' },
        'password-file': { type: 'string' },
        ambulatory: { type: 'string' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new CliExit(EXIT.badInput, e instanceof Error ? (e.message.split('\n')[0] ?? 'Bad arguments.') : 'Bad arguments.');
  }
}

function dataKey(): DataKey {
  try {
    return dataKeyFrom(process.env.CODEDESK_HUB_DATA_KEY);
  } catch (e) {
    throw exitFor(e as AppFailure);
  }
}

function databaseUrl(given: string | undefined): string {
  const url = given ?? process.env.CODEDESK_HUB_DATABASE_URL;
  if (!url) throw new CliExit(EXIT.badInput, 'Missing --database-url postgres://… (or CODEDESK_HUB_DATABASE_URL).');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new CliExit(EXIT.badInput, 'The database URL starts with postgres://.');
  return url;
}

function password(file: string | undefined): string {
  if (file) {
    try {
      return fs.readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
    } catch {
      throw new CliExit(EXIT.badInput, 'Cannot read the password file.');
    }
  }
  const env = process.env.CODEDESK_HUB_PASSWORD;
  if (!env) throw new CliExit(EXIT.badInput, 'No password: set CODEDESK_HUB_PASSWORD or pass --password-file FILE.');
  return env;
}

async function orExit<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof AppFailure) throw exitFor(e);
    throw e;
  }
}

/** Runs until SIGINT or SIGTERM. */
async function start(args: string[]): Promise<number> {
  const { values: o, positionals } = options(args);
  if (positionals.length > 0) throw new CliExit(EXIT.badInput, `Unexpected argument "${positionals[0]}".`);
  const port = o.port === undefined ? 8443 : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliExit(EXIT.badInput, '--port is a number from 0 to 65535.');
  if ((o['tls-cert'] === undefined) !== (o['tls-key'] === undefined)) throw new CliExit(EXIT.badInput, 'Give both --tls-cert and --tls-key.');
  const tls = o['tls-cert'] && o['tls-key'] ? { certFile: o['tls-cert'], keyFile: o['tls-key'] } : undefined;
  muteLog(false); // a server's request log belongs on stderr
  const hub = await orExit(startHub({ databaseUrl: databaseUrl(o['database-url']), dataKey: dataKey(), port, host: o.host, tls, insecureLoopback: o['insecure-loopback'] }));
  process.stdout.write(`CodeDesk hub listening on ${hub.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await hub.close();
  return EXIT.ok;
}

/** The database answers and its hub schema is current, or the command ends with the reason. */
async function reachAndMigrate(db: Db, url: string): Promise<void> {
  await db.query('SELECT 1').catch((e: { code?: string }) => {
    throw new CliExit(EXIT.failed, `Cannot reach the hub database at ${describeDatabase(url)} (${e.code ?? 'no answer'}).`);
  });
  await orExit(migrateHub(db));
}

async function userAdd(args: string[]): Promise<number> {
  const { values: o, positionals } = options(args);
  if (positionals.length > 0) throw new CliExit(EXIT.badInput, `Unexpected argument "${positionals[0]}".`);
  if (!o.name) throw new CliExit(EXIT.badInput, 'Missing --name NAME.');
  if (!o.role || !(ROLES as readonly string[]).includes(o.role)) throw new CliExit(EXIT.badInput, `--role must be one of ${ROLES.join(', ')}.`);
  const url = databaseUrl(o['database-url']);
  const db = openPool(url, 2);
  try {
    await reachAndMigrate(db, url);
    const { id } = await orExit(addUser(db, { name: o.name, role: o.role as Role, password: password(o['password-file']), by: null }));
    process.stdout.write(`Added hub user ${id} (${o.role}).\n`);
    return EXIT.ok;
  } finally {
    await db.end().catch(() => undefined);
  }
}

/** Reads exports on this machine into the team queue (idempotent: a rerun adds nothing unchanged). */
async function ingest(args: string[]): Promise<number> {
  const { values: o, positionals: paths } = options(args);
  if (paths.length === 0) throw new CliExit(EXIT.badInput, 'Give the export files or folders to ingest.');
  if (o.ambulatory !== undefined && o.ambulatory !== 'outpatient' && o.ambulatory !== 'professional') throw new CliExit(EXIT.badInput, '--ambulatory is outpatient or professional.');
  const key = dataKey();
  const url = databaseUrl(o['database-url']);
  const db = openPool(url, 2);
  try {
    await reachAndMigrate(db, url);
    await orExit(checkDataKey(db, key));
    const read = { ...DEFAULT_READ_OPTIONS, ambulatorySetting: o.ambulatory === 'professional' ? ('professional' as const) : ('outpatient_surgery' as const) };
    const summary = await orExit(ingestExports(db, key, paths.map((p) => path.resolve(p)), { by: { userId: null, deviceId: null }, now: new Date(), read }));
    if (o.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(`${summary.created} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.held} held (changed after check-out), ${summary.refused.length} refused.\n`);
      for (const r of summary.refused) process.stdout.write(`  ${terminalSafe(r.file)}${r.line === null ? '' : `:${r.line}`}: ${terminalSafe(r.reason)}\n`);
    }
    return EXIT.ok;
  } finally {
    await db.end().catch(() => undefined);
  }
}

export async function runHubCommand(args: string[]): Promise<number> {
  const [a, b] = args;
  if (a === 'start') return start(args.slice(1));
  if (a === 'ingest') return ingest(args.slice(1));
  if (a === 'user' && b === 'add') return userAdd(args.slice(2));
  if (a === 'key' && b === 'new') {
    process.stdout.write(`${newDataKey()}\n`);
    return EXIT.ok;
  }
  throw new CliExit(EXIT.badInput, `Unknown command "hub ${args.slice(0, 2).join(' ')}". Run codedesk --help.`);
}
