/**
 * Result packages: the coder's work on the charts a lead sent, back to that lead. Each result
 * carries the whole current state of every chart it covers (so a newer result supersedes an
 * older one), the chart-level audit entries as the activity record, and the head of the
 * coder's audit trail. Applying compares each chart with the state it had when it was sent
 * (or last applied): changed only in the result → taken; changed at home too → a conflict
 * kept for a person to resolve; never a silent overwrite. Both run inside the caller's transaction.
 */
import crypto from 'node:crypto';
import type { ResultApplied } from '../../../shared/packages';
import { AppFailure } from '../../../shared/result';
import { parseEventDetail } from '../activity/day-delta';
import { projectActivity } from '../activity/project';
import { auditsWith, mergeAudits } from '../audits/audit-wire';
import { trailHead } from '../audit/binding';
import { mergeQueries, queriesOf, strayQueries } from '../queries/query-wire';
import type { WorkspaceDb } from '../db/handles';
import { row, rows, run, values } from '../db/rows';
import { decodeBody, encodeBody, resultBodySchema, type ResultBody } from './body';
import type { ProfileCard } from './card';
import { baseOf, clashingSubmission, readState, setBase, stateHash, writeState, type WireState } from './chart-state';
import { recordConflict } from './conflicts';
import { refused, sealPackage, type HeaderFields } from './envelope';
import { lastApplied, logPackage, nextSeq } from './package-log';
import { verifiedPackage } from './verify';
import type { Self } from './work-package';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every chart this profile received from `issuerId`, with its state and the audit entries about it. */
export function makeResultPackage(
  db: WorkspaceDb,
  args: { self: Self; issuer: ProfileCard; expiresDays: number; now: Date },
): { bytes: Buffer; header: HeaderFields; body: ResultBody } {
  const chartIds = values<string>(
    db,
    'SELECT DISTINCT p.chart_id FROM package_charts p JOIN charts c ON c.id = p.chart_id WHERE p.counterpart_id = ? ORDER BY p.chart_id',
    args.issuer.profileId,
  );
  if (chartIds.length === 0) throw new AppFailure('NOT_FOUND', 'You have no charts from packages of that profile to return.');
  const activity = chartIds.flatMap((id) =>
    rows<ResultBody['activity'][number]>(db, 'SELECT seq, at, user_id, action, chart_id, detail_json, hash FROM audit_log WHERE chart_id = ? ORDER BY seq', id),
  );
  activity.sort((a, b) => a.seq - b.seq);
  const body: ResultBody = {
    kind: 'result',
    charts: chartIds.map((chartId) => ({ chartId, state: readState(db, chartId) })),
    activity,
    head: trailHead(db),
    // The issuer's audits of these charts, with this coder's responses.
    audits: auditsWith(db, args.issuer.profileId, chartIds),
    queries: queriesOf(db, chartIds),
  };
  const header: HeaderFields = {
    kind: 'result',
    packageId: crypto.randomBytes(16).toString('hex'),
    senderId: args.self.id,
    senderFingerprint: args.self.keys.fingerprint,
    recipientId: args.issuer.profileId,
    recipientFingerprint: args.issuer.fingerprint,
    createdAt: args.now.toISOString(),
    expiresAt: new Date(args.now.getTime() + args.expiresDays * DAY_MS).toISOString(),
    seq: nextSeq(db, 'result', args.self.id, args.issuer.profileId),
  };
  const bytes = sealPackage(header, encodeBody(body), args.self.keys, Buffer.from(args.issuer.x25519, 'base64'));
  logPackage(db, header, 'sent', chartIds.length, args.now, { activity: activity.length, headSeq: body.head.seq });
  return { bytes, header, body };
}

/** Applies a result package from the coder it names: all of it or, when refused, nothing. */
export function applyResultPackage(db: WorkspaceDb, args: { home: string; self: Self; file: Buffer; now: Date }): ResultApplied {
  const v = verifiedPackage(db, args.home, args.self, args.file, 'result', args.now);
  const { header } = v;
  if (v.already) return { packageId: header.packageId, seq: header.seq, alreadyApplied: true, applied: [], unchanged: v.already.charts, conflicts: [], activity: 0 };
  const last = lastApplied(db, header.senderId);
  if (last && header.seq <= last.seq) {
    throw refused(`This result package (number ${header.seq}) is older than one already applied from the same coder (number ${last.seq}): nothing was changed.`);
  }
  const body = decodeBody(v.decrypt(), resultBodySchema);
  if (last && body.head.seq < last.headSeq) {
    throw refused('This result package’s audit trail ends before the one in a result already applied: the coder’s workspace may have been rolled back. Nothing was changed.');
  }
  const foreign = body.charts.filter((c) => !row(db, 'SELECT 1 FROM package_charts WHERE chart_id = ? AND counterpart_id = ?', c.chartId, header.senderId));
  if (foreign.length > 0) {
    throw refused(`This result package names ${foreign.length} chart(s) that were never sent to its coder: nothing was changed.`);
  }
  if (strayQueries(body.queries, body.charts.map((c) => c.chartId)) > 0) {
    throw refused('This result package carries queries for charts it does not return: nothing was changed.');
  }

  const at = args.now.toISOString();
  const applied: string[] = [];
  const conflicts: string[] = [];
  let unchanged = 0;
  for (const { chartId, state } of body.charts) {
    const outcome = applyChart(db, chartId, state, { senderId: header.senderId, packageId: header.packageId, at });
    if (outcome === 'applied') applied.push(chartId);
    else if (outcome === 'conflict') conflicts.push(chartId);
    else unchanged += 1;
  }
  let activity = 0;
  for (const a of body.activity) {
    const added = run(
      db,
      'INSERT OR IGNORE INTO package_activity(sender_id, seq, package_id, at, action, chart_id, detail_json, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      header.senderId, a.seq, header.packageId, a.at, a.action, a.chart_id, a.detail_json, a.hash,
    ).changes;
    // New events only: an entry carried again by a later result is already in the day figures.
    if (added) projectActivity(db, { at: a.at, userId: header.senderId, action: a.action, chartId: a.chart_id, detail: parseEventDetail(a.detail_json) });
    activity += added;
  }
  const audits = mergeAudits(db, body.audits, header.senderId);
  const queries = mergeQueries(db, body.queries);
  logPackage(db, header, 'applied', body.charts.length, args.now, { headSeq: body.head.seq, headHash: body.head.hash, applied: applied.length, conflicts: conflicts.length, audits, queries });
  return { packageId: header.packageId, seq: header.seq, alreadyApplied: false, applied, unchanged, conflicts, activity };
}

function applyChart(db: WorkspaceDb, chartId: string, incoming: WireState, ctx: { senderId: string; packageId: string; at: string }): 'applied' | 'conflict' | 'unchanged' {
  const base = baseOf(db, chartId, ctx.senderId);
  const home = readState(db, chartId);
  const homeHash = stateHash(home);
  const incomingHash = stateHash(incoming);
  if (incomingHash === base || incomingHash === homeHash) {
    setBase(db, chartId, ctx.senderId, incomingHash);
    return 'unchanged';
  }
  if (homeHash === base && clashingSubmission(db, chartId, incoming) === null) {
    writeStateFromPackage(db, chartId, incoming, ctx);
    return 'applied';
  }
  recordConflict(db, { chartId, packageId: ctx.packageId, senderId: ctx.senderId, home, incoming, incomingHash, at: ctx.at });
  return 'conflict';
}


function writeStateFromPackage(db: WorkspaceDb, chartId: string, incoming: WireState, ctx: { senderId: string; at: string }): void {
  writeState(db, chartId, incoming, ctx.at, ctx.senderId);
  setBase(db, chartId, ctx.senderId, stateHash(incoming));
}
