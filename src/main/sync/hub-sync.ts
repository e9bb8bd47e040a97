/**
 * The desktop side of the team hub: signing in (the device token kept in the encrypted
 * workspace), checking charts out into the workspace, and sending the outbox in the
 * background. Network waits never hold the workspace: each round reads what to send, awaits
 * the hub with nothing open, then records the answers in one short transaction. If the
 * workspace locked meanwhile, the answers are dropped: the next round sends the same ids and
 * the hub answers them again without applying anything twice.
 */
import os from 'node:os';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/domain';
import type { HubCheckout, HubState } from '../../shared/hub';
import { AppFailure } from '../../shared/result';
import type { EventBus } from '../events';
import type { AuditAction } from '../services/audit/trail';
import type { WorkspaceDb } from '../services/db/handles';
import { log } from '../log';
import { row, rows, values } from '../services/db/rows';
import { transaction } from '../services/db/transaction';
import { auditsToSend, heldForAudit, recordAuditsStored, writeAuditLeased } from '../services/hub-link/audit-handover';
import { writeLeased } from '../services/hub-link/checkout';
import { clearLink, noteAttempt, readLink, saveLink, type HubLink } from '../services/hub-link/link';
import { nextBatch, recordAnswers, troubleCount, waitingCount, type PushAnswer } from '../services/hub-link/outbox';
import { chartEntrySchema } from '../services/packages/body';
import { wireStateSchema } from '../services/packages/chart-state';
import { callHub, hubUrl, type HubRequest } from './hub-http';

const signInReply = z.object({ token: z.string().min(10), deviceId: z.string().min(1), role: z.enum(ROLES), userId: z.string().min(1) }).passthrough();
const checkoutReply = z.object({ charts: z.array(z.object({ entry: chartEntrySchema, epoch: z.number().int().min(1), leaseExpiresAt: z.string() }).passthrough()).max(500) }).passthrough();
const auditCheckoutReply = z
  .object({ charts: z.array(z.object({ entry: chartEntrySchema, state: wireStateSchema, coderUserId: z.string().min(1), coderName: z.string().max(80) }).passthrough()).max(500) })
  .passthrough();
const auditPushReply = z.object({ results: z.array(z.object({ id: z.string(), outcome: z.enum(['stored', 'refused']) }).passthrough()) }).passthrough();
const heldReply = z.object({ leases: z.array(z.object({ chartId: z.string(), epoch: z.number().int() }).passthrough()) }).passthrough();
const pushReply = z.object({
  results: z.array(
    z.union([
      z.object({ clientId: z.string(), outcome: z.enum(['applied', 'conflict']), already: z.boolean() }).passthrough(),
      z.object({ clientId: z.string(), outcome: z.literal('refused'), reason: z.string() }).passthrough(),
    ]),
  ),
});

/** The unlocked session, as the sync needs it. */
interface Session {
  profile: { id: string; displayName: string; role: Role };
  db: WorkspaceDb;
}

/** What the sync needs of the app (CodeDeskApp, which owns it): named here so the two do not import each other. */
export interface SyncHost {
  readonly events: EventBus;
  readonly session: Session | null;
  requireSession(): Session;
  audit(action: AuditAction, chartId?: string | null, detail?: Record<string, unknown>): void;
  now(): Date;
}

/** A reply checked before anything of it is used: one not in the expected form changes nothing. */
function parseReply<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppFailure('UNAVAILABLE', 'The hub’s reply was not in the expected form (is it a CodeDesk hub of this version?): nothing was changed here.');
  return parsed.data;
}

/** How often a desktop host sends its outbox in the background. */
export const HUB_SYNC_INTERVAL_MS = 30_000;

/** How long after a change the outbox is sent (changes in that time go together). */
const SOON_MS = 3_000;

/** Rounds of one sync before it yields (each sends up to PUSH_BATCH charts). */
const MAX_ROUNDS = 40;

export class HubSync {
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private soonTimer: NodeJS.Timeout | null = null;
  /** Open charts here whose lease the hub no longer gives this device (revoked, or run out and taken), as of the last sync. */
  private takenBack: string[] = [];
  /** Extra trusted certificate for a test hub; production trusts the system store and NODE_EXTRA_CA_CERTS. */
  ca: Buffer | undefined;

  constructor(private readonly app: SyncHost) {}

  /** Sends the outbox every `intervalMs` while a linked workspace is unlocked, and right after each unlock. */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.syncNow(), intervalMs);
    this.timer.unref();
    this.unsubscribe = this.app.events.on((name) => {
      if (name === 'session.unlocked') void this.syncNow();
    });
  }

  /** Something joined the outbox: send it shortly (work done online reaches the hub in seconds), once per burst. */
  soon(): void {
    if (!this.timer || this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      void this.syncNow();
    }, SOON_MS);
    this.soonTimer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.soonTimer) clearTimeout(this.soonTimer);
    this.timer = null;
    this.soonTimer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  state(): HubState {
    const s = this.app.session;
    const link = s ? readLink(s.db) : null;
    if (!s || !link) {
      return { linked: false, url: null, userName: null, role: null, lastSyncAt: null, lastAttemptAt: null, lastError: null, waiting: 0, auditsWaiting: 0, conflicts: 0, refused: 0, open: 0, firstLeaseEnds: null, takenBack: 0, syncing: false };
    }
    const trouble = troubleCount(s.db);
    const open = row<{ n: number; ends: string | null }>(
      s.db,
      "SELECT COUNT(*) AS n, MIN(l.lease_expires_at) AS ends FROM hub_leases l JOIN charts c ON c.id = l.chart_id WHERE c.status <> 'submitted'",
    ) ?? { n: 0, ends: null };
    return {
      linked: true,
      url: link.url,
      userName: link.userName,
      role: link.role,
      lastSyncAt: link.lastSyncAt,
      lastAttemptAt: link.lastAttemptAt,
      lastError: link.lastError,
      waiting: waitingCount(s.db),
      auditsWaiting: s.profile.role === 'auditor' ? auditsToSend(s.db, s.profile.id).length : 0,
      conflicts: trouble.conflicts,
      refused: trouble.refused,
      open: open.n,
      firstLeaseEnds: open.ends,
      takenBack: this.takenBack.length,
      syncing: this.running !== null,
    };
  }

  async signIn(input: { url: string; user: string; password: string }): Promise<HubState> {
    const s = this.app.requireSession();
    const url = hubUrl(input.url);
    const reply = parseReply(
      signInReply,
      await callHub(url, { method: 'POST', path: '/auth/sign-in', body: { user: input.user, password: input.password, deviceName: `CodeDesk on ${os.hostname()}`.slice(0, 80) }, ca: this.ca }),
    );
    if (this.app.session !== s) throw new AppFailure('LOCKED', 'CodeDesk locked while signing in: sign in to the hub again.');
    if (reply.role !== s.profile.role) {
      // The device the hub just issued is of no use here: give it back.
      await callHub(url, { method: 'POST', path: '/api/devices/revoke', token: reply.token, body: { deviceId: reply.deviceId }, ca: this.ca }).catch(() => undefined);
      throw new AppFailure('FORBIDDEN', `That hub account is a ${reply.role}; this profile is a ${s.profile.role}. Sign in with your own ${s.profile.role} account.`);
    }
    transaction(s.db, () => {
      saveLink(s.db, { url, userId: reply.userId, userName: input.user.trim(), role: reply.role, deviceId: reply.deviceId, token: reply.token, linkedAt: this.app.now().toISOString() });
      noteAttempt(s.db, this.app.now().toISOString(), null);
      this.app.audit('hub.link', null, { hubUserId: reply.userId, hubDeviceId: reply.deviceId });
    });
    this.changed();
    return this.state();
  }

  /** Signs this device out of the hub (its token revoked there when reachable) and forgets the link. */
  async signOut(): Promise<HubState> {
    const s = this.app.requireSession();
    const link = this.requireLink();
    const waiting = waitingCount(s.db) + (s.profile.role === 'auditor' ? auditsToSend(s.db, s.profile.id).length : 0);
    if (waiting > 0) throw new AppFailure('CONFLICT', `${waiting} changes have not reached the hub yet: sync before signing out, or they would stay here unsent.`);
    let revoked = true;
    await this.call(link, { method: 'POST', path: '/api/devices/revoke', body: { deviceId: link.deviceId } }).catch(() => {
      revoked = false;
    });
    if (this.app.session !== s) throw new AppFailure('LOCKED', 'CodeDesk locked while signing out: nothing was changed here.');
    transaction(s.db, () => {
      clearLink(s.db);
      this.app.audit('hub.unlink', null, { hubDeviceId: link.deviceId, revokedOnHub: revoked });
    });
    this.changed();
    return this.state();
  }

  /** Leases up to `count` charts and writes them into the workspace. */
  async checkOut(count: number): Promise<HubCheckout> {
    const s = this.app.requireSession();
    const link = this.requireLink();
    // The charts held here: any other chart leased to this device (a check-out whose reply was lost) comes again.
    const held = values<string>(s.db, 'SELECT chart_id FROM hub_leases ORDER BY checked_out_at DESC LIMIT 2000');
    const reply = parseReply(checkoutReply, await this.call(link, { method: 'POST', path: '/api/queue/checkout', body: { count, held } }));
    if (this.app.session !== s) {
      throw new AppFailure('LOCKED', 'CodeDesk locked before the charts were written: check out again and the hub sends the same charts.');
    }
    const at = this.app.now().toISOString();
    const written = transaction(s.db, () =>
      writeLeased(s.db, reply.charts, {
        assignee: s.profile.displayName,
        at,
        onCheckedOut: (c) => this.app.audit('hub.checkout', c.entry.id, { epoch: c.epoch, leaseExpiresAt: c.leaseExpiresAt, assignedAt: at }),
      }),
    );
    if (written.clashing.length > 0) log.warn('hub.checkout_clash', { charts: written.clashing.length });
    this.app.events.emit('charts.changed', { chartId: null });
    this.changed();
    return { imported: written.imported.length, renewed: written.renewed.length, clashing: written.clashing.length, chartIds: [...written.imported, ...written.renewed] };
  }

  /** An auditor leases up to `count` submitted charts of other coders for audit, with their submissions. */
  async auditCheckOut(count: number): Promise<HubCheckout> {
    const s = this.app.requireSession();
    const link = this.requireLink();
    const body = { count, held: heldForAudit(s.db) };
    const reply = parseReply(auditCheckoutReply, await this.call(link, { method: 'POST', path: '/api/audits/checkout', body }));
    if (this.app.session !== s) throw new AppFailure('LOCKED', 'CodeDesk locked before the charts were written: check out again and the hub sends the same charts.');
    const at = this.app.now().toISOString();
    const out = transaction(s.db, () =>
      writeAuditLeased(s.db, reply.charts, { at, byUser: s.profile.id, onLeased: (c) => this.app.audit('hub.audit_checkout', c.entry.id, { coderUserId: c.coderUserId }) }),
    );
    this.app.events.emit('charts.changed', { chartId: null });
    this.changed();
    return { imported: out.written.length, renewed: 0, clashing: out.skipped.length, chartIds: out.written };
  }

  /** Sends what waits; one sync at a time (a second caller shares the running one). Never throws: the failure is in the state. */
  async syncNow(): Promise<HubState> {
    if (!this.running) {
      this.running = this.sendOutbox().finally(() => {
        this.running = null;
        this.changed();
      });
      this.changed();
    }
    await this.running;
    return this.state();
  }

  /** A supervisor's (or anyone's own) read from the hub. */
  async read<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    return this.call<T>(this.requireLink(), { method: 'GET', path, query });
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>(this.requireLink(), { method: 'POST', path, body });
  }

  private async sendOutbox(): Promise<void> {
    const s = this.app.session;
    const link = s ? readLink(s.db) : null;
    if (!s || !link) return;
    let error: string | null = null;
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const batch = nextBatch(s.db);
        if (batch.length === 0) break;
        const reply = parseReply(pushReply, await this.call(link, { method: 'POST', path: '/api/sync/push', body: { items: batch.map((p) => p.item) } }));
        if (this.app.session !== s) return;
        transaction(s.db, () => {
          const counts = recordAnswers(s.db, batch, reply.results as PushAnswer[], this.app.now().toISOString());
          this.app.audit('hub.push', null, { charts: batch.length, ...counts });
        });
      }
      if (s.profile.role === 'auditor') await this.sendAudits(link, s);
      // The last question of a sync (so "last sync" always means the hub answered): a supervisor's
      // token still works; for those who code, which charts the hub still gives this device.
      if (s.profile.role === 'supervisor') await this.call(link, { method: 'GET', path: '/api/me' });
      else await this.compareLeases(link, s);
    } catch (e) {
      error = e instanceof AppFailure ? e.message : 'The hub’s reply was not understood: your work is kept here and goes when it can.';
      if (!(e instanceof AppFailure)) log.warn('hub.sync_failed', {}, e);
    }
    if (this.app.session === s) noteAttempt(s.db, this.app.now().toISOString(), error);
  }

  /** Open charts here whose (chart, epoch) the hub no longer holds for this device: the coder is told before working on them. */
  private async compareLeases(link: HubLink, s: Session): Promise<void> {
    const reply = parseReply(heldReply, await this.call(link, { method: 'GET', path: '/api/queue/held' }));
    if (this.app.session !== s) return;
    const live = new Set(reply.leases.map((l) => `${l.chartId}@${l.epoch}`));
    const open = rows<{ chart_id: string; epoch: number }>(s.db, "SELECT l.chart_id, l.epoch FROM hub_leases l JOIN charts c ON c.id = l.chart_id WHERE c.status <> 'submitted' ORDER BY l.chart_id");
    this.takenBack = open.filter((l) => !live.has(`${l.chart_id}@${l.epoch}`)).map((l) => l.chart_id);
  }

  /** Committed audits of charts leased for audit, new or changed since the hub last stored them. */
  private async sendAudits(link: HubLink, s: Session): Promise<void> {
    const audits = auditsToSend(s.db, s.profile.id).slice(0, 200);
    if (audits.length === 0) return;
    const reply = parseReply(auditPushReply, await this.call(link, { method: 'POST', path: '/api/audits/push', body: { audits } }));
    if (this.app.session !== s) return;
    const stored = new Set(reply.results.filter((r) => r.outcome === 'stored').map((r) => r.id));
    transaction(s.db, () => {
      recordAuditsStored(s.db, audits, stored, this.app.now().toISOString());
      this.app.audit('hub.audit_push', null, { audits: audits.length, stored: stored.size });
    });
  }

  private requireLink(): HubLink {
    const link = readLink(this.app.requireSession().db);
    if (!link) throw new AppFailure('NOT_FOUND', 'This workspace is not signed in to a team hub: sign in first.');
    return link;
  }

  private call<T>(link: HubLink, req: Omit<HubRequest, 'token' | 'ca'>): Promise<T> {
    return callHub<T>(link.url, { ...req, token: link.token, ca: this.ca });
  }

  private changed(): void {
    if (this.app.session) this.app.events.emit('hub.state', this.state());
  }
}
