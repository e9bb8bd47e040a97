/**
 * Work packages: a lead's charts (with documents, sources, hints, drafts and submissions) for
 * one coder. Making one records which charts went out and the state each had; opening one
 * verifies it and imports every chart, or none. Both run inside the caller's transaction.
 */
import { mergeAudits, type AuditWire } from '../audits/audit-wire';
import { mergeQueries, queriesOf, strayQueries } from '../queries/query-wire';
import crypto from 'node:crypto';
import type { ChartSetting } from '../../../shared/domain';
import type { PackageOpened } from '../../../shared/packages';
import { AppFailure } from '../../../shared/result';
import type { ContentDb } from '../codesets/content-db';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run } from '../db/rows';
import { decodeBody, encodeBody, PACKAGED_TABLES, workBodySchema, type WorkBody } from './body';
import type { ProfileCard } from './card';
import { readState, stateHash } from './chart-state';
import { codeSetNeeds, missingCodeSets } from './code-set-needs';
import { sealPackage, type HeaderFields } from './envelope';
import type { ProfileKeys } from './keys';
import { logPackage, nextSeq } from './package-log';
import { encodeRow, insertWireRow } from './rows-codec';
import { verifiedPackage } from './verify';

export const MAX_PACKAGE_CHARTS = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Self {
  id: string;
  displayName: string;
  keys: ProfileKeys;
}

const ROWS_SQL: Record<(typeof PACKAGED_TABLES)[number], string> = {
  charts: 'SELECT * FROM charts WHERE id = ?',
  documents: 'SELECT * FROM documents WHERE chart_id = ? ORDER BY seq',
  chart_sources: 'SELECT * FROM chart_sources WHERE chart_id = ?',
  chart_hints: 'SELECT * FROM chart_hints WHERE chart_id = ? ORDER BY seq',
  codings: 'SELECT * FROM codings WHERE chart_id = ?',
  submissions: 'SELECT * FROM submissions WHERE chart_id = ? ORDER BY version',
  chart_reopens: 'SELECT * FROM chart_reopens WHERE chart_id = ? ORDER BY version',
};

/** Their own row ids, made afresh where the rows land. */
const DROPPED_COLUMNS: Partial<Record<(typeof PACKAGED_TABLES)[number], readonly string[]>> = { submissions: ['id'], chart_reopens: ['id'] };

export type ChartEntry = WorkBody['charts'][number];

/** One chart as it travels: every packaged table's rows, and the hash of its coded state. */
export function chartEntry(db: WorkspaceDb, id: string): ChartEntry {
  const tables = Object.fromEntries(PACKAGED_TABLES.map((t) => [t, rows<Record<string, unknown>>(db, ROWS_SQL[t], id).map(encodeRow)])) as ChartEntry['tables'];
  return { id, baseHash: stateHash(readState(db, id)), tables };
}

export function makeWorkPackage(
  db: WorkspaceDb,
  content: ContentDb,
  args: { self: Self; recipient: ProfileCard; chartIds: readonly string[]; expiresDays: number; now: Date; audits?: AuditWire[] },
): { bytes: Buffer; header: HeaderFields; body: WorkBody } {
  const ids = [...new Set(args.chartIds)];
  const audits = args.audits ?? [];
  if (ids.length === 0 && audits.length === 0) throw new AppFailure('BAD_INPUT', 'Choose at least one chart to package.');
  if (ids.length > MAX_PACKAGE_CHARTS) throw new AppFailure('BAD_INPUT', `A package holds at most ${MAX_PACKAGE_CHARTS} charts.`);
  const missing = ids.filter((id) => !row(db, 'SELECT 1 FROM charts WHERE id = ?', id));
  if (missing.length > 0) throw new AppFailure('NOT_FOUND', `${missing.length} of the charts chosen are not in this workspace.`);
  if (args.recipient.profileId === args.self.id) throw new AppFailure('BAD_INPUT', 'A package goes to another profile, not to yourself.');

  const charts = ids.map((id) => chartEntry(db, id));
  const dated = ids.map((id) => row<{ setting: ChartSetting; discharge_date: string }>(db, 'SELECT setting, discharge_date FROM charts WHERE id = ?', id)!);
  const body: WorkBody = { kind: 'work', charts, codeSets: codeSetNeeds(content, dated.map((c) => ({ setting: c.setting, codingDate: c.discharge_date }))), audits, queries: queriesOf(db, ids) };
  const header: HeaderFields = {
    kind: 'work',
    packageId: crypto.randomBytes(16).toString('hex'),
    senderId: args.self.id,
    senderFingerprint: args.self.keys.fingerprint,
    recipientId: args.recipient.profileId,
    recipientFingerprint: args.recipient.fingerprint,
    createdAt: args.now.toISOString(),
    expiresAt: new Date(args.now.getTime() + args.expiresDays * DAY_MS).toISOString(),
    seq: nextSeq(db, 'work', args.self.id, args.recipient.profileId),
  };
  const bytes = sealPackage(header, encodeBody(body), args.self.keys, Buffer.from(args.recipient.x25519, 'base64'));

  for (const c of charts) {
    run(db, 'INSERT INTO package_charts(package_id, chart_id, counterpart_id, base_hash) VALUES (?, ?, ?, ?)', header.packageId, c.id, args.recipient.profileId, c.baseHash);
    // At home the queue shows who has the chart now.
    run(db, 'UPDATE charts SET assignee = ? WHERE id = ?', args.recipient.displayName, c.id);
  }
  logPackage(db, header, 'sent', charts.length, args.now, { codeSets: body.codeSets.length });
  return { bytes, header, body };
}

/** Writes one travelling chart (every packaged table's rows) into this workspace, assigned to `assignee`; inside a transaction. */
export function insertChartEntry(db: WorkspaceDb, c: ChartEntry, assignee: string): void {
  const chartRow = c.tables.charts[0];
  if (!chartRow || chartRow.id !== c.id || c.tables.charts.length !== 1) throw new AppFailure('PACKAGE_REFUSED', 'This package’s contents are not in the expected form: nothing was changed.');
  insertWireRow(db, 'charts', chartRow, { assignee });
  for (const table of PACKAGED_TABLES.slice(1)) {
    for (const r of c.tables[table]) insertWireRow(db, table, r, { chart_id: c.id }, DROPPED_COLUMNS[table]);
  }
}

/** Verifies a work package for this profile and imports all its charts (or refuses with nothing changed). */
export function openWorkPackage(db: WorkspaceDb, content: ContentDb, args: { home: string; self: Self; file: Buffer; now: Date; auditsOnly?: boolean }): PackageOpened {
  const v = verifiedPackage(db, args.home, args.self, args.file, 'work', args.now);
  const sender = { profileId: v.card.profileId, displayName: v.card.displayName, fingerprint: v.card.fingerprint };
  if (v.already) return { packageId: v.header.packageId, sender, charts: v.already.charts, chartIds: [], expiresAt: v.header.expiresAt, assignedAt: v.header.createdAt, audits: 0, alreadyOpened: true, missingCodeSets: [] };
  const body = decodeBody(v.decrypt(), workBodySchema);
  if (args.auditsOnly && body.charts.length > 0) {
    throw new AppFailure('FORBIDDEN', 'A supervisor opens only packages of audits; charts to code go to coders and auditors. Nothing was changed.');
  }

  if (strayQueries(body.queries, body.charts.map((c) => c.id)) > 0) {
    throw new AppFailure('PACKAGE_REFUSED', 'This package carries queries for charts it does not hold: nothing was changed.');
  }
  const present = body.charts.filter((c) => row(db, 'SELECT 1 FROM charts WHERE id = ?', c.id)).length;
  if (present > 0) {
    throw new AppFailure('CONFLICT', `${present} of the ${body.charts.length} charts in this package are already in your workspace: nothing was changed. Return your results for them first.`);
  }
  try {
    for (const c of body.charts) {
      insertChartEntry(db, c, args.self.displayName);
      run(db, 'INSERT INTO package_charts(package_id, chart_id, counterpart_id, base_hash) VALUES (?, ?, ?, ?)', v.header.packageId, c.id, v.header.senderId, c.baseHash);
    }
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CONSTRAINT')) throw new AppFailure('CONFLICT', 'A chart in this package clashes with one already in your workspace (same source): nothing was changed.');
    throw error;
  }
  const audits = mergeAudits(db, body.audits, v.header.senderId);
  const queries = mergeQueries(db, body.queries);
  logPackage(db, v.header, 'opened', body.charts.length, args.now, { codeSets: body.codeSets.length, audits, queries });
  return {
    packageId: v.header.packageId,
    sender,
    charts: body.charts.length,
    chartIds: body.charts.map((c) => c.id),
    expiresAt: v.header.expiresAt,
    assignedAt: v.header.createdAt,
    audits,
    alreadyOpened: false,
    missingCodeSets: missingCodeSets(content, body.codeSets),
  };
}
