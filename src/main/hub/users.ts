/**
 * Hub users and their devices. A desktop signs in once with a user name and password and gets a
 * device token (random, shown once; the hub keeps only its SHA-256), which every later request
 * carries. Tokens expire, and a supervisor (or the user) can revoke a device at any time.
 */
import crypto from 'node:crypto';
import type { Role } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import type { ScryptParams } from '../services/vault/kdf';
import { hubAudit } from './audit';
import { inTransaction, type Db, type Tx } from './db/pool';
import { decoyHash, hashPassword, MIN_PASSWORD_CHARS, passwordMatches } from './passwords';

export const DEVICE_TOKEN_DAYS = 90;
const TOKEN_PREFIX = 'cdh_';
const DAY_MS = 86_400_000;

export interface HubPrincipal {
  userId: string;
  userName: string;
  role: Role;
  deviceId: string;
}

const sha256 = (text: string): Buffer => crypto.createHash('sha256').update(text).digest();
const newId = (prefix: string) => `${prefix}-${crypto.randomBytes(8).toString('hex')}`;

export async function addUser(db: Db, args: { name: string; role: Role; password: string; by: HubPrincipal | null; kdf?: ScryptParams }): Promise<{ id: string }> {
  const name = args.name.trim();
  if (name.length === 0 || name.length > 80) throw new AppFailure('BAD_INPUT', 'A user name has 1 to 80 characters.');
  if (args.password.length < MIN_PASSWORD_CHARS) throw new AppFailure('BAD_INPUT', `A hub password has at least ${MIN_PASSWORD_CHARS} characters.`);
  const hash = await hashPassword(args.password, args.kdf);
  return inTransaction(db, async (tx) => {
    const id = newId('U');
    const added = await tx.query('INSERT INTO hub_users(id, name, role, password_hash) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING', [id, name, args.role, hash]);
    if (added.rowCount === 0) throw new AppFailure('CONFLICT', 'A hub user with that name already exists.');
    await hubAudit(tx, { userId: args.by?.userId ?? null, deviceId: args.by?.deviceId ?? null }, 'user.add', null, { userId: id, role: args.role });
    return { id };
  });
}

/** Signs a desktop in: a new device token, or UNAUTHORIZED (the same answer, after the same work, for an unknown name). */
export async function signIn(db: Db, args: { name: string; password: string; deviceName: string; now: Date }): Promise<{ token: string; deviceId: string; expiresAt: string; role: Role; userId: string }> {
  const user = (await db.query<{ id: string; role: Role; password_hash: string; disabled_at: Date | null }>(
    'SELECT id, role, password_hash, disabled_at FROM hub_users WHERE name = $1', [args.name.trim()],
  )).rows[0];
  const matches = await passwordMatches(args.password, user?.password_hash ?? (await decoyHash()));
  if (!user || !matches || user.disabled_at) {
    await inTransaction(db, (tx) => hubAudit(tx, { userId: user?.id ?? null, deviceId: null }, 'device.sign_in_refused', null, {}));
    throw new AppFailure('UNAUTHORIZED', 'Wrong user name or password.');
  }
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  const deviceId = newId('D');
  const expiresAt = new Date(args.now.getTime() + DEVICE_TOKEN_DAYS * DAY_MS);
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO hub_devices(id, user_id, name, token_sha256, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [deviceId, user.id, args.deviceName.trim().slice(0, 80) || 'Desktop', sha256(token), args.now, expiresAt]);
    await hubAudit(tx, { userId: user.id, deviceId }, 'device.sign_in', null, {});
  });
  return { token, deviceId, expiresAt: expiresAt.toISOString(), role: user.role, userId: user.id };
}

/** Who a bearer token speaks for, or UNAUTHORIZED (unknown, expired or revoked token; disabled user). */
export async function principalOf(db: Db, token: string | null, now: Date): Promise<HubPrincipal> {
  if (!token?.startsWith(TOKEN_PREFIX)) throw new AppFailure('UNAUTHORIZED', 'Sign in to the hub: no device token was given.');
  const r = (await db.query<{ device_id: string; user_id: string; name: string; role: Role; expires_at: Date; revoked_at: Date | null; disabled_at: Date | null }>(
    `SELECT d.id AS device_id, u.id AS user_id, u.name, u.role, d.expires_at, d.revoked_at, u.disabled_at
     FROM hub_devices d JOIN hub_users u ON u.id = d.user_id WHERE d.token_sha256 = $1`, [sha256(token)],
  )).rows[0];
  if (!r) throw new AppFailure('UNAUTHORIZED', 'This device is not known to the hub: sign in again.');
  if (r.revoked_at) throw new AppFailure('UNAUTHORIZED', 'This device was signed out of the hub (revoked): sign in again.');
  if (r.expires_at <= now) throw new AppFailure('UNAUTHORIZED', 'This device’s sign-in has expired: sign in again.');
  if (r.disabled_at) throw new AppFailure('UNAUTHORIZED', 'This hub user is disabled.');
  return { userId: r.user_id, userName: r.name, role: r.role, deviceId: r.device_id };
}

/** Revokes a device: a supervisor any, a user their own. */
export async function revokeDevice(db: Db, by: HubPrincipal, deviceId: string, now: Date): Promise<void> {
  await inTransaction(db, async (tx: Tx) => {
    const d = (await tx.query<{ user_id: string; revoked_at: Date | null }>('SELECT user_id, revoked_at FROM hub_devices WHERE id = $1 FOR UPDATE', [deviceId])).rows[0];
    if (!d) throw new AppFailure('NOT_FOUND', 'No device with that id.');
    if (by.role !== 'supervisor' && d.user_id !== by.userId) throw new AppFailure('FORBIDDEN', 'Only a supervisor may sign out another user’s device.');
    if (d.revoked_at) return;
    await tx.query('UPDATE hub_devices SET revoked_at = $2 WHERE id = $1', [deviceId, now]);
    await hubAudit(tx, by, 'device.revoke', null, { deviceId });
  });
}

export async function listDevices(db: Db): Promise<{ id: string; userId: string; userName: string; name: string; createdAt: string; expiresAt: string; revoked: boolean }[]> {
  const rows = (await db.query<{ id: string; user_id: string; user_name: string; name: string; created_at: Date; expires_at: Date; revoked_at: Date | null }>(
    'SELECT d.id, d.user_id, u.name AS user_name, d.name, d.created_at, d.expires_at, d.revoked_at FROM hub_devices d JOIN hub_users u ON u.id = d.user_id ORDER BY d.created_at',
  )).rows;
  return rows.map((r) => ({ id: r.id, userId: r.user_id, userName: r.user_name, name: r.name, createdAt: r.created_at.toISOString(), expiresAt: r.expires_at.toISOString(), revoked: r.revoked_at !== null }));
}
