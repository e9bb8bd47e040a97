/**
 * The hub and its database going wrong, against a real cluster: a migration that fails halfway
 * (rolled back, the schema stays where it was), a schema newer than the hub, an edited migration,
 * two hubs migrating at once, the database unreachable at start (a clear reason, no password) and
 * mid-request (503, nothing changed; served again once it is back). Migration 1 is frozen by hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_SCHEMA_VERSION, migrateHub, schemaVersion, sqlHash } from '../../../src/main/hub/db/migrations';
import { openPool } from '../../../src/main/hub/db/pool';
import { HUB_MIGRATIONS } from '../../../src/main/hub/db/schema';
import { startHub } from '../../../src/main/hub/server';
import { addUser } from '../../../src/main/hub/users';
import { hubCall } from './hub-client';
import { freePort, startCluster, type PgCluster } from './pg-cluster';
import { CHEAP_KDF, PASSWORD, TEST_KEY } from './hub-fixtures';

const FROZEN = ['bcece5d0', 'e0a58c9e', '15c15c78', 'dade4fbe', '7b8d7d82', '0ce13416'];

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startCluster();
}, 60_000);
afterAll(() => cluster?.stop());

describe('hub migrations', () => {
  it('are frozen once shipped', () => {
    expect(HUB_MIGRATIONS.map((m) => sqlHash(m.sql).slice(0, 8))).toEqual(FROZEN);
  });

  it('roll back a migration that fails halfway and keep the schema at the version before', async () => {
    const db = openPool(await cluster.createDatabase(), 2);
    try {
      const broken = [...HUB_MIGRATIONS, { name: 'half done', sql: 'CREATE TABLE half_done (a int); INSERT INTO half_done VALUES (1); SELECT no_such_function();' }];
      await expect(migrateHub(db, broken)).rejects.toThrow(`Hub migration ${HUB_SCHEMA_VERSION + 1} (half done) failed and was rolled back: the schema stays at version ${HUB_SCHEMA_VERSION}.`);
      expect(await schemaVersion(db)).toBe(HUB_SCHEMA_VERSION);
      expect((await db.query("SELECT to_regclass('half_done') AS t")).rows[0].t).toBeNull();
      // Fixed, it applies on the next start.
      expect(await migrateHub(db, [...HUB_MIGRATIONS, { name: 'fixed', sql: 'CREATE TABLE half_done (a int);' }])).toEqual([HUB_SCHEMA_VERSION + 1]);
      // Now this hub's own list is older than the database: refused, not guessed at.
      await expect(migrateHub(db)).rejects.toThrow(/newer than this hub knows/);
    } finally {
      await db.end();
    }
  });

  it('refuse a database whose applied migration differs from the hub’s, and apply each once when two hubs start together', async () => {
    const url = await cluster.createDatabase();
    const a = openPool(url, 2);
    const b = openPool(url, 2);
    try {
      const both = await Promise.all([migrateHub(a), migrateHub(b)]);
      expect(both.flat().sort()).toEqual(HUB_MIGRATIONS.map((_, i) => i + 1));
      const edited = [{ ...HUB_MIGRATIONS[0]!, sql: `${HUB_MIGRATIONS[0]!.sql} -- edited` }, ...HUB_MIGRATIONS.slice(1)];
      await expect(migrateHub(a, edited)).rejects.toThrow(/differs from the one applied.*append-only/);
    } finally {
      await a.end();
      await b.end();
    }
  });
});

describe('the hub when its database is away', () => {
  it('says so at start, naming where it looked and never the password', async () => {
    const port = await freePort();
    const start = startHub({ dataKey: TEST_KEY, databaseUrl: `postgres://hub:s3cret-pw@127.0.0.1:${port}/team`, insecureLoopback: true });
    await expect(start).rejects.toThrow(`Cannot reach the hub database at 127.0.0.1:${port}/team (ECONNREFUSED).`);
    await start.catch((e: Error) => expect(e.message).not.toMatch(/s3cret/));
  });

  it('answers 503 while the database is down, changes nothing, and serves again once it is back', async () => {
    const hub = await startHub({ dataKey: TEST_KEY, databaseUrl: await cluster.createDatabase(), insecureLoopback: true });
    try {
      await addUser(hub.db, { name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, by: null, kdf: CHEAP_KDF });
      const token = (await hubCall(hub.url, 'POST', '/auth/sign-in', { body: { user: 'Sue Supervisor', password: PASSWORD, deviceName: 'Laptop' } })).body.token as string;
      cluster.halt();
      try {
        const down = await hubCall(hub.url, 'POST', '/api/users', { token, body: { name: 'Mei Coder', role: 'coder', password: PASSWORD } });
        expect(down).toMatchObject({ status: 503, body: { error: { code: 'UNAVAILABLE', message: expect.stringMatching(/cannot be reached just now: nothing was changed/) } } });
        expect(await hubCall(hub.url, 'GET', '/health')).toMatchObject({ status: 503, body: { status: 'unavailable' } });
      } finally {
        cluster.resume();
      }
      expect(await hubCall(hub.url, 'GET', '/health')).toMatchObject({ status: 200 });
      expect((await hubCall(hub.url, 'GET', '/api/me', { token })).status).toBe(200);
      expect((await hub.db.query('SELECT name FROM hub_users ORDER BY name')).rows.map((r) => r.name)).toEqual(['Sue Supervisor']);
    } finally {
      await hub.close();
    }
  });
});
