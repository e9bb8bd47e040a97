/**
 * The running application: one content database, at most one unlocked workspace, the idle
 * lock and the event bus. Every host (Electron, browser host, CLI) drives one of these
 * through api.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ProfileSummary, SessionStatus } from '../shared/domain';
import { DEFAULT_ACTIVITY_IDLE_MINUTES } from '../shared/metrics';
import { AppFailure, ErrorCode } from '../shared/result';
import { EventBus } from './events';
import { contentDbPath } from './paths';
import { projectActivity } from './services/activity/project';
import { noteHubEntry } from './services/hub-link/outbox';
import { ensureActivityProjection } from './services/activity/rebuild';
import { appendAudit, type AuditAction } from './services/audit/trail';
import { auditBinding, bindAuditChain, unbindAuditChain } from './services/audit/binding';
import { openContentDb } from './services/codesets/content-db';
import { warmSearchIndexes } from './services/codesets/search';
import { log } from './log';
import type { ContentDb, WorkspaceDb } from './services/db/handles';
import { transaction } from './services/db/transaction';
import { IdleLock } from './services/session/idle-lock';
import { deviceId as readDeviceId } from './services/users/profiles';
import { assertProfileMatchesWorkspace } from './services/users/workspace-identity';
import { closeWorkspace, openWorkspace } from './services/workspace/open';
import { readActivityIdleMinutes, readIdleMinutes } from './services/workspace/settings';
import { HubSync } from './sync/hub-sync';

export const DEFAULT_IDLE_MINUTES = 15;

export interface ActiveSession {
  profile: ProfileSummary;
  db: WorkspaceDb;
  idleLock: IdleLock;
}

export interface AppOptions {
  home: string;
  resourcesDir: string;
  now?: () => Date;
}

export class CodeDeskApp {
  readonly events = new EventBus();
  /** The link to a team hub; its background sync runs only where a host starts it. */
  readonly hub: HubSync = new HubSync(this);
  readonly home: string;
  readonly resourcesDir: string;
  readonly now: () => Date;
  private contentDb: ContentDb | null = null;
  private active: ActiveSession | null = null;
  private device: string | null = null;
  private warmTimer: NodeJS.Timeout | null = null;

  constructor(options: AppOptions) {
    this.home = options.home;
    this.resourcesDir = options.resourcesDir;
    this.now = options.now ?? (() => new Date());
  }

  get deviceId(): string {
    this.device ??= readDeviceId(this.home);
    return this.device;
  }

  /** The content database (code sets, not PHI), opened on first use. */
  content(): ContentDb {
    if (!this.contentDb) fs.mkdirSync(this.home, { recursive: true, mode: 0o700 });
    this.contentDb ??= openContentDb(contentDbPath(this.home));
    return this.contentDb;
  }

  /**
   * Builds today's search indexes once the host is idle (after start, after an import), so the
   * first keystroke is as fast as the rest. Blocks the process for about a second per large
   * code set, which is why it waits for `delayMs` rather than running during start-up.
   */
  warmSearchSoon(delayMs = 250): void {
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      try {
        const started = performance.now();
        const built = warmSearchIndexes(this.content(), this.now().toISOString().slice(0, 10));
        if (built.length > 0) log.info('search.warmed', { count: built.length, ms: Math.round(performance.now() - started) });
      } catch (error) {
        log.warn('search.warm_failed', {}, error);
      }
    }, delayMs);
    this.warmTimer.unref();
  }

  get session(): ActiveSession | null {
    return this.active;
  }

  /** The unlocked session, or a LOCKED failure. */
  requireSession(): ActiveSession {
    if (!this.active) throw new AppFailure(ErrorCode.Locked, 'CodeDesk is locked. Unlock it with your passphrase.');
    return this.active;
  }

  workspacePath(profileId: string): string {
    return path.join(this.home, 'profiles', profileId, 'workspace.db');
  }

  sealPath(profileId: string): string {
    return path.join(this.home, 'profiles', profileId, 'audit-head.seal');
  }

  /**
   * Opens the profile's workspace with an unwrapped key and checks its audit trail against
   * the seal; the key buffer is wiped afterwards. A trail that does not match its seal opens
   * read-only (api.ts refuses changes) and the status says why.
   */
  startSession(profile: ProfileSummary, key: Buffer): SessionStatus {
    if (this.active) this.lock('manual');
    let db: WorkspaceDb;
    try {
      db = openWorkspace(this.workspacePath(profile.id), key);
      try {
        // The keyfile's role and id against the workspace's own (encrypted) record of them.
        assertProfileMatchesWorkspace(db, profile);
        bindAuditChain(db, key, this.sealPath(profile.id));
        ensureActivityProjection(db);
      } catch (error) {
        closeWorkspace(db);
        throw error;
      }
    } finally {
      key.fill(0);
    }
    const idleLock = new IdleLock({ minutes: readIdleMinutes(db, DEFAULT_IDLE_MINUTES), onLock: () => this.lock('idle') });
    this.active = { profile, db, idleLock };
    this.events.emit('session.unlocked', {});
    return this.status();
  }

  /** Appends an entry: inside the caller's transaction(s.db, …) when there is one, so it commits with the change. */
  audit(action: AuditAction, chartId: string | null = null, detail: Record<string, unknown> = {}): void {
    const s = this.requireSession();
    // The entry is also an activity event (its day figures commit with it) and, on a chart from the hub, an outbox entry.
    transaction(s.db, () => {
      const entry = appendAudit(s.db, { userId: s.profile.id, deviceId: this.deviceId, action, chartId, detail }, this.now());
      projectActivity(s.db, entry);
      if (noteHubEntry(s.db, entry, entry.at)) this.hub.soon();
    });
  }

  /** What the unlock-time check of the audit trail found, or null. */
  trailProblem(): string | null {
    const s = this.active;
    return s ? (auditBinding(s.db).finding?.message ?? null) : null;
  }

  /** Drops the key (closes the workspace) and tells the renderer to clear PHI from the screen. */
  lock(reason: 'idle' | 'manual' | 'os'): SessionStatus {
    const s = this.active;
    if (s) {
      try {
        // A broken trail gets nothing appended; a failed lock entry (full disk) must not keep the workspace open.
        if (!this.trailProblem()) this.audit('session.lock', null, { reason });
      } catch (error) {
        log.warn('session.lock_entry_failed', {}, error);
      } finally {
        s.idleLock.dispose();
        this.active = null;
        unbindAuditChain(s.db);
        try {
          closeWorkspace(s.db);
        } catch (error) {
          log.warn('workspace.close_failed', {}, error);
        }
      }
      this.events.emit('session.locked', { reason });
    }
    return this.status();
  }

  status(): SessionStatus {
    const s = this.active;
    return {
      unlocked: s !== null,
      profile: s?.profile ?? null,
      idleLockMinutes: s ? s.idleLock.minutes : DEFAULT_IDLE_MINUTES,
      activityIdleMinutes: s ? readActivityIdleMinutes(s.db) : DEFAULT_ACTIVITY_IDLE_MINUTES,
      deviceId: this.deviceId,
      trailProblem: this.trailProblem(),
    };
  }

  close(): void {
    this.hub.stop();
    if (this.warmTimer) clearTimeout(this.warmTimer);
    this.warmTimer = null;
    if (this.active) this.lock('manual');
    try {
      this.contentDb?.close();
    } catch (error) {
      log.warn('content.close_failed', {}, error);
    }
    this.contentDb = null;
  }
}
