/**
 * The hub's HTTP routes: each names who may call it and the schema its JSON body must pass.
 * Everything under /api/ needs a device token; /auth/sign-in takes a password instead; /health
 * is open and says only whether the hub and its schema are up.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/domain';
import { AppFailure } from '../../shared/result';
import { verifyHubAudit } from './audit';
import type { Db } from './db/pool';
import { addUser, listDevices, revokeDevice, signIn, type HubPrincipal } from './users';

export interface RouteContext<I> {
  db: Db;
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
