/**
 * This workspace's link to a team hub: the hub's address, the account signed in, and the
 * device token the hub issued. The token is kept only here, inside the encrypted workspace, and
 * never leaves main: the renderer sees the link without it.
 */
import type { Role } from '../../../shared/domain';
import type { WorkspaceDb } from '../db/handles';
import { row, run } from '../db/rows';

export interface HubLink {
  url: string;
  userId: string;
  userName: string;
  role: Role;
  deviceId: string;
  token: string;
  linkedAt: string;
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

interface LinkRow {
  url: string;
  user_id: string;
  user_name: string;
  role: Role;
  device_id: string;
  token: string;
  linked_at: string;
  last_sync_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
}

export function readLink(db: WorkspaceDb): HubLink | null {
  const r = row<LinkRow>(db, 'SELECT * FROM hub_link WHERE id = 1');
  if (!r) return null;
  return {
    url: r.url,
    userId: r.user_id,
    userName: r.user_name,
    role: r.role,
    deviceId: r.device_id,
    token: r.token,
    linkedAt: r.linked_at,
    lastSyncAt: r.last_sync_at,
    lastAttemptAt: r.last_attempt_at,
    lastError: r.last_error,
  };
}

export function saveLink(db: WorkspaceDb, link: Pick<HubLink, 'url' | 'userId' | 'userName' | 'role' | 'deviceId' | 'token' | 'linkedAt'>): void {
  run(db, 'DELETE FROM hub_link');
  run(db, 'INSERT INTO hub_link(id, url, user_id, user_name, role, device_id, token, linked_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)',
    link.url, link.userId, link.userName, link.role, link.deviceId, link.token, link.linkedAt);
}

export function clearLink(db: WorkspaceDb): void {
  run(db, 'DELETE FROM hub_link');
}

/** After each attempt to reach the hub: when, and what went wrong (a plain sentence) or null when it worked. */
export function noteAttempt(db: WorkspaceDb, at: string, error: string | null): void {
  if (error === null) run(db, 'UPDATE hub_link SET last_attempt_at = ?, last_sync_at = ?, last_error = NULL WHERE id = 1', at, at);
  else run(db, 'UPDATE hub_link SET last_attempt_at = ?, last_error = ? WHERE id = 1', at, error);
}
