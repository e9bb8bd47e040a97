/**
 * Ingest into the team queue, against real PostgreSQL and the real Synthea bulk export: every
 * encounter with notes becomes one sealed chart; a second ingest changes nothing; no document
 * text is readable in the database; a hub started with another data key is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateHub } from '../../../src/main/hub/db/migrations';
import { openPool, type Db } from '../../../src/main/hub/db/pool';
import { ingestExports } from '../../../src/main/hub/ingest';
import { checkDataKey, dataKeyFrom, newDataKey, unsealJson } from '../../../src/main/hub/seal';
import type { ChartEntry } from '../../../src/main/services/packages/work-package';
import { SYNTHEA } from '../interchange/fhir/helpers';
import { startCluster, type PgCluster } from './pg-cluster';

const SUPERVISOR = { userId: null, deviceId: null };

let cluster: PgCluster;
let db: Db;
beforeAll(async () => {
  cluster = await startCluster();
  db = openPool(await cluster.createDatabase(), 4);
  await migrateHub(db);
}, 60_000);
afterAll(async () => {
  await db?.end();
  cluster?.stop();
});

describe('hub ingest', () => {
  it('puts each encounter of a real FHIR bulk export in the team queue once, sealed', { timeout: 180_000 }, async () => {
    const key = dataKeyFrom(newDataKey());
    await checkDataKey(db, key);
    const first = await ingestExports(db, key, [SYNTHEA], { by: SUPERVISOR, now: new Date('2026-12-06T09:00:00Z') });
    expect(first.created).toBeGreaterThan(1000);
    expect(first).toMatchObject({ updated: 0, unchanged: 0, held: 0 });
    const count = Number((await db.query('SELECT count(*) AS n FROM hub_charts')).rows[0].n);
    expect(count).toBe(first.created);

    // The same export again: nothing changes.
    const again = await ingestExports(db, key, [SYNTHEA], { by: SUPERVISOR, now: new Date('2026-12-06T10:00:00Z') });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: first.created, held: 0 });

    // A chart opens with its documents; no document text is readable in PostgreSQL.
    const row = (await db.query<{ id: string; sealed: Buffer }>("SELECT id, sealed FROM hub_charts WHERE setting = 'inpatient' ORDER BY id LIMIT 1")).rows[0]!;
    const entry = unsealJson<ChartEntry>(key, row.id, row.sealed);
    expect(entry.tables.documents.length).toBeGreaterThan(0);
    const phrase = String(entry.tables.documents[0]!.body).slice(0, 40);
    const patient = String(entry.tables.charts[0]!.patient_name);
    for (const text of [phrase, patient]) {
      const hits = await db.query("SELECT count(*) AS n FROM hub_charts WHERE position(convert_to($1, 'UTF8') IN sealed) > 0", [text]);
      expect(Number(hits.rows[0].n), text).toBe(0);
    }
    // Another key does not open this hub.
    await expect(checkDataKey(db, dataKeyFrom(newDataKey()))).rejects.toThrow(/does not open this hub’s charts/);
    await expect(Promise.resolve().then(() => dataKeyFrom('short'))).rejects.toThrow(/32 bytes in base64/);
  });
});
