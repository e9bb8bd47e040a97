/**
 * One throwaway PostgreSQL cluster per test file, and the hubs a test starts on it: started
 * before the file's tests, every hub closed and the cluster removed after.
 */
import { afterAll, beforeAll } from 'vitest';
import { startHub, type HubOptions, type RunningHub } from '../../../src/main/hub/server';
import { TEST_KEY } from './hub-fixtures';
import { startCluster, type PgCluster } from './pg-cluster';

export interface HubHarness {
  cluster(): PgCluster;
  /** A hub (plain HTTP on loopback, the test data key) on `databaseUrl`, or on a fresh database. */
  hub(options?: Partial<HubOptions>): Promise<RunningHub>;
}

export function hubHarness(): HubHarness {
  let cluster: PgCluster | undefined;
  const hubs: RunningHub[] = [];
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(async () => {
    for (const h of hubs) await h.close().catch(() => undefined);
    cluster?.stop();
  });
  const running = (): PgCluster => {
    if (!cluster) throw new Error('the cluster is not started yet');
    return cluster;
  };
  return {
    cluster: running,
    async hub(options = {}) {
      const hub = await startHub({ dataKey: TEST_KEY, insecureLoopback: true, ...options, databaseUrl: options.databaseUrl ?? (await running().createDatabase()) });
      hubs.push(hub);
      return hub;
    },
  };
}
