/**
 * Ingest on the hub: the hospital's exports (FHIR R4 bundles or bulk NDJSON, HL7 v2) read by the
 * desktop's own importers into a throwaway in-memory workspace, then each chart, exactly as a work
 * package would carry it, sealed into the team queue. Idempotent: a chart is keyed by its source
 * (Encounter or visit), and one whose content did not change is left alone. A chart already
 * checked out or coded is not changed under its coder (counted as held).
 */
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import type { ChartSetting } from '../../shared/domain';
import type { WorkspaceDb } from '../services/db/handles';
import { importCharts } from '../services/interchange/ingest/import-charts';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../services/interchange/incoming';
import { chartEntry, type ChartEntry } from '../services/packages/work-package';
import { migrate } from '../services/workspace/migrate';
import { hubAudit, type HubActor } from './audit';
import { inTransaction, type Db } from './db/pool';
import { sealJson, type DataKey } from './seal';

export interface HubIngestSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Changed at the source after check-out or submission: not applied under the coder. */
  held: number;
  /** Refused by the importer (with file, line and reason) or clashing with another source's chart id. */
  refused: { file: string; line: number | null; reason: string }[];
}

interface Staged {
  entry: ChartEntry;
  sourceKey: string;
  setting: ChartSetting;
  serviceDate: string;
  contentHash: string;
}

/** Import times change at every read: they are not the chart's content. */
const VOLATILE: Record<string, readonly string[]> = { charts: ['updated_at', 'assignee'], chart_sources: ['first_imported_at', 'last_imported_at'] };

function contentHash(entry: ChartEntry): string {
  const tables = Object.fromEntries(
    Object.entries(entry.tables).map(([t, rs]) => [t, rs.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !VOLATILE[t]?.includes(k))))]),
  );
  return crypto.createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}

async function stage(paths: readonly string[], read: ReadOptions, now: Date): Promise<{ charts: Staged[]; refused: HubIngestSummary['refused'] }> {
  const staging = new Database(':memory:') as WorkspaceDb;
  try {
    migrate(staging);
    const summary = await importCharts(staging, paths, { read, now: () => now, assignee: 'Team queue', audit: () => undefined });
    const found = staging
      .prepare('SELECT c.id, c.setting, c.discharge_date, s.source_key FROM charts c JOIN chart_sources s ON s.chart_id = c.id ORDER BY c.id')
      .all() as { id: string; setting: ChartSetting; discharge_date: string; source_key: string }[];
    const charts = found.map((c) => {
      const entry = chartEntry(staging, c.id);
      return { entry, sourceKey: c.source_key, setting: c.setting, serviceDate: c.discharge_date, contentHash: contentHash(entry) };
    });
    return { charts, refused: summary.refused.map((r) => ({ file: r.file, line: r.line, reason: r.reason })) };
  } finally {
    staging.close();
  }
}

export async function ingestExports(db: Db, key: DataKey, paths: readonly string[], opts: { by: HubActor; now: Date; read?: ReadOptions }): Promise<HubIngestSummary> {
  const { charts, refused } = await stage(paths, opts.read ?? DEFAULT_READ_OPTIONS, opts.now);
  const out: HubIngestSummary = { created: 0, updated: 0, unchanged: 0, held: 0, refused };
  // One transaction per chart: a large export never holds one long lock, and a rerun picks up where a failure stopped.
  for (const c of charts) {
    await inTransaction(db, async (tx) => {
      const sealed = sealJson(key, c.entry.id, c.entry);
      const here = (await tx.query<{ id: string; status: string; content_hash: string }>('SELECT id, status, content_hash FROM hub_charts WHERE source_key = $1 FOR UPDATE', [c.sourceKey])).rows[0];
      if (!here) {
        const added = await tx.query(
          `INSERT INTO hub_charts(id, source_key, setting, service_date, content_hash, sealed, imported_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING`,
          [c.entry.id, c.sourceKey, c.setting, c.serviceDate, c.contentHash, sealed, opts.now],
        );
        if (added.rowCount === 0) {
          out.refused.push({ file: c.sourceKey, line: null, reason: `chart id ${c.entry.id} is already used by a chart from another source; not imported` });
          return;
        }
        out.created += 1;
        await hubAudit(tx, opts.by, 'chart.ingest', c.entry.id, { outcome: 'created' });
        return;
      }
      if (here.content_hash === c.contentHash) {
        out.unchanged += 1;
        return;
      }
      if (here.status !== 'unassigned' && here.status !== 'assigned') {
        out.held += 1;
        await hubAudit(tx, opts.by, 'chart.ingest', here.id, { outcome: 'held', status: here.status });
        return;
      }
      // The chart keeps its first id; only its content is renewed.
      const renewed = sealJson(key, here.id, { ...c.entry, id: here.id });
      await tx.query('UPDATE hub_charts SET setting = $2, service_date = $3, content_hash = $4, sealed = $5, updated_at = $6 WHERE id = $1', [here.id, c.setting, c.serviceDate, c.contentHash, renewed, opts.now]);
      out.updated += 1;
      await hubAudit(tx, opts.by, 'chart.ingest', here.id, { outcome: 'updated' });
    });
  }
  return out;
}
