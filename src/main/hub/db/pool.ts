/**
 * The hub's PostgreSQL connection pool and its one transaction helper. Pool errors (a server
 * restart drops idle clients) are absorbed here so they never end the hub process; the next
 * query reconnects or fails with a clear DATABASE_UNAVAILABLE.
 */
import pg from 'pg';
import { AppFailure } from '../../../shared/result';
import { log } from '../../log';

export type Db = pg.Pool;
export type Tx = pg.PoolClient;

/** Connection errors that mean "the database is not there right now", not "your input is wrong". */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE.has(code)) return true;
  return error instanceof Error && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message);
}

export function openPool(databaseUrl: string, max = 20): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  pool.on('error', (error) => log.warn('hub.db.idle_error', {}, error));
  return pool;
}

/** Where the database is, for messages: host and port and name, never the password. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the database URL given';
  }
}

/** Runs `fn` in one transaction (READ COMMITTED unless asked); a dropped connection becomes DATABASE_UNAVAILABLE. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let client: Tx;
  try {
    client = await db.connect();
  } catch (error) {
    throw unavailable(error);
  }
  let broken = false;
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (error) {
    broken = isUnavailable(error);
    if (!broken) await client.query('ROLLBACK').catch(() => undefined);
    throw broken ? unavailable(error) : error;
  } finally {
    client.release(broken);
  }
}

export function unavailable(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error;
  if (isUnavailable(error)) return new AppFailure('UNAVAILABLE', 'The hub’s database cannot be reached just now: nothing was changed. Try again shortly.');
  throw error;
}
