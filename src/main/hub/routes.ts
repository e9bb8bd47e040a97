/**
 * The hub's HTTP routes: each names who may call it and the schema its JSON body must pass.
 * Everything under /api/ needs a device token; /auth/sign-in takes a password instead; /health
 * is open and says only whether the hub and its schema are up.
 */
import { z } from 'zod';
import { ROLES, SETTINGS, type Role } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import { auditWireSchema } from '../services/audits/audit-wire';
import { verifyHubAudit } from './audit';
import { checkOutAudits, pushAudit } from './audits';
import type { Db } from './db/pool';
import { applyPush, listConflicts, pushItemSchema, resolveConflict } from './push';
import { assignCharts, checkOut, leasesOf, MAX_CHECKOUT, MAX_HELD, revokeLease } from './queue';
import { hubProductivityReport } from './rollup';
import type { DataKey } from './seal';
import { listTeamQueue, listUsers, teamQueueQuery } from './supervisor';
import { addUser, listDevices, revokeDevice, signIn, type HubPrincipal } from './users';
import { setHubWeights, unitWeightsSchema } from './weights';

export interface RouteContext<I> {
  db: Db;
  key: DataKey;
  input: I;
  principal: HubPrincipal;
  now: Date;
}

export interface Route<I = unknown> {
  method: 'GET' | 'POST';
  path: string;
  /** Roles allowed; 'signing-in' for the one route that takes a password instead of a token. */
  access: readonly Role[] | 'signing-in';
  input: z.ZodType<I>;
  /** Largest body accepted, in bytes. */
  maxBytes?: number;
  handle(ctx: RouteContext<I>): Promise<unknown>;
}

const ANY_ROLE = ROLES;
const SUPERVISOR: readonly Role[] = ['supervisor'];
/** Those who code (and so check charts out and push): coders, and auditors who also code. */
const CODERS: readonly Role[] = ['coder', 'auditor'];
/** Second-level audits: auditors only. */
const AUDITOR: readonly Role[] = ['auditor'];
const chartIds = z.array(z.string().min(1).max(64)).min(1).max(5000);
const none = z.object({}).strict();
const route = <I>(r: Route<I>): Route => r as unknown as Route;

export const HUB_ROUTES: readonly Route[] = [
  route({
    method: 'POST',
    path: '/auth/sign-in',
    access: 'signing-in',
    input: z.object({ user: z.string().min(1).max(80), password: z.string().min(1).max(1024), deviceName: z.string().max(80) }).strict(),
    handle: ({ db, input, now }) => signIn(db, { name: input.user, password: input.password, deviceName: input.deviceName, now }),
  }),
  route({
    method: 'GET',
    path: '/api/me',
    access: ANY_ROLE,
    input: none,
    handle: async ({ principal }) => principal,
  }),
  route({
    method: 'POST',
    path: '/api/users',
    access: SUPERVISOR,
    input: z.object({ name: z.string().min(1).max(80), role: z.enum(ROLES), password: z.string().min(1).max(1024) }).strict(),
    handle: ({ db, input, principal }) => addUser(db, { ...input, by: principal }),
  }),
  route({ method: 'GET', path: '/api/users', access: SUPERVISOR, input: none, handle: ({ db }) => listUsers(db) }),
  route({ method: 'GET', path: '/api/devices', access: SUPERVISOR, input: none, handle: ({ db }) => listDevices(db) }),
  route({
    method: 'POST',
    path: '/api/devices/revoke',
    access: ANY_ROLE,
    input: z.object({ deviceId: z.string().min(1).max(40) }).strict(),
    handle: async ({ db, input, principal, now }) => {
      await revokeDevice(db, principal, input.deviceId, now);
      return { revoked: input.deviceId };
    },
  }),
  route({ method: 'GET', path: '/api/queue', access: SUPERVISOR, input: teamQueueQuery, handle: ({ db, input }) => listTeamQueue(db, input) }),
  route({
    method: 'POST',
    path: '/api/queue/assign',
    access: SUPERVISOR,
    input: z.union([z.object({ chartIds, userId: z.string().min(1).max(40) }).strict(), z.object({ chartIds, pool: z.enum(SETTINGS) }).strict()]),
    handle: ({ db, input, principal, now }) => assignCharts(db, principal, input.chartIds, 'userId' in input ? { userId: input.userId } : { pool: input.pool }, now),
  }),
  route({ method: 'GET', path: '/api/queue/held', access: CODERS, input: none, handle: ({ db, principal }) => leasesOf(db, principal) }),
  route({
    method: 'POST',
    path: '/api/queue/checkout',
    access: CODERS,
    input: z
      .object({
        count: z.number().int().min(1).max(MAX_CHECKOUT),
        leaseHours: z.number().int().min(1).max(24 * 14).optional(),
        // The chart ids this device already holds: those leased to it and not named here come again (a lost reply).
        held: z.array(z.string().min(1).max(64)).max(MAX_HELD).optional(),
      })
      .strict(),
    handle: async ({ db, key, input, principal, now }) => ({
      charts: await checkOut(db, key, principal, { count: input.count, leaseHours: input.leaseHours, held: input.held, now }),
    }),
  }),
  route({
    method: 'POST',
    path: '/api/queue/revoke',
    access: SUPERVISOR,
    input: z.object({ chartId: z.string().min(1).max(64) }).strict(),
    handle: ({ db, input, principal, now }) => revokeLease(db, principal, input.chartId, now),
  }),
  route({
    method: 'POST',
    path: '/api/sync/push',
    access: CODERS,
    maxBytes: 16 * 1024 * 1024,
    input: z.object({ items: z.array(pushItemSchema).min(1).max(200) }).strict(),
    handle: async ({ db, key, input, principal, now }) => {
      const results = [];
      // In order: a later item about the same chart builds on an earlier one.
      for (const item of input.items) results.push(await applyPush(db, key, principal, item, now));
      return { results };
    },
  }),
  route({
    method: 'POST',
    path: '/api/audits/checkout',
    access: AUDITOR,
    input: z
      .object({
        count: z.number().int().min(1).max(MAX_CHECKOUT),
        // The chart ids this device already holds: those audit-leased to it, not held and not yet audited come again (a lost reply).
        held: z.array(z.string().min(1).max(64)).max(MAX_HELD).optional(),
      })
      .strict(),
    handle: async ({ db, key, input, principal, now }) => ({
      charts: await checkOutAudits(db, key, principal, { count: input.count, held: input.held, now }),
    }),
  }),
  route({
    method: 'POST',
    path: '/api/audits/push',
    access: AUDITOR,
    maxBytes: 16 * 1024 * 1024,
    input: z.object({ audits: z.array(auditWireSchema).min(1).max(200) }).strict(),
    handle: async ({ db, key, input, principal, now }) => {
      const results = [];
      // In order: a later copy of the same audit replaces an earlier one.
      for (const audit of input.audits) results.push(await pushAudit(db, key, principal, audit, now));
      return { results };
    },
  }),
  route({
    method: 'GET',
    path: '/api/reports/productivity',
    access: ANY_ROLE,
    // all=true: every coder × day row (for an export), however many; otherwise as many as a screen shows.
    input: z.object({ from: z.string().max(10), to: z.string().max(10), userId: z.string().max(40).optional(), all: z.enum(['true', 'false']).optional() }).strict(),
    // A supervisor sees the team or one user; anyone else sees their own figures, whatever they ask for.
    handle: ({ db, input, principal }) =>
      hubProductivityReport(
        db,
        { from: input.from, to: input.to, userId: principal.role === 'supervisor' ? (input.userId ?? null) : principal.userId },
        input.all === 'true' ? { coderDaysLimit: null } : undefined,
      ),
  }),
  route({
    method: 'POST',
    path: '/api/settings/unit-weights',
    access: SUPERVISOR,
    input: z.object({ weights: unitWeightsSchema }).strict(),
    handle: ({ db, input, principal }) => setHubWeights(db, principal, input.weights),
  }),
  route({ method: 'GET', path: '/api/conflicts', access: SUPERVISOR, input: none, handle: ({ db, key }) => listConflicts(db, key) }),
  route({
    method: 'POST',
    path: '/api/conflicts/resolve',
    access: SUPERVISOR,
    input: z.object({ conflictId: z.number().int().min(1), keep: z.enum(['current', 'incoming']) }).strict(),
    handle: ({ db, key, input, principal, now }) => resolveConflict(db, key, principal, input.conflictId, input.keep, now),
  }),
  route({
    method: 'GET',
    path: '/api/audit/verify',
    access: SUPERVISOR,
    input: none,
    handle: ({ db }) => verifyHubAudit(db),
  }),
];

export function findRoute(method: string, path: string): Route | null {
  return HUB_ROUTES.find((r) => r.method === method && r.path === path) ?? null;
}

export function mayCall(route: Route, principal: HubPrincipal): void {
  if (route.access !== 'signing-in' && !route.access.includes(principal.role)) {
    throw new AppFailure('FORBIDDEN', `The ${principal.role} role may not do this on the hub.`);
  }
}
