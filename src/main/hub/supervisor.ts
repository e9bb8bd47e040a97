/**
 * What a supervisor reads to run the team: the queue as hub_charts keeps it in clear (ids,
 * setting, service date, status, who holds or is assigned each chart; never a sealed value) and
 * the team's users (never a password hash).
 */
import { z } from 'zod';
import { SETTINGS, type Role } from '../../shared/domain';
import type { Db } from './db/pool';

/** The statuses hub_charts allows (its CHECK constraint, migration 2). */
export const HUB_CHART_STATUSES = ['unassigned', 'assigned', 'leased', 'submitted', 'on_hold'] as const;

/** Query parameters arrive as strings: numbers are coerced. */
export const teamQueueQuery = z
  .object({
    status: z.enum(HUB_CHART_STATUSES).optional(),
    setting: z.enum(SETTINGS).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type TeamQueueQuery = z.infer<typeof teamQueueQuery>;

export interface TeamQueueChart {
  id: string;
  setting: string;
  /** YYYY-MM-DD. */
  serviceDate: string;
  status: string;
  assigneeId: string | null;
  assigneeName: string | null;
  pool: string | null;
  epoch: number;
  leaseUserId: string | null;
  leaseUserName: string | null;
  leaseExpiresAt: string | null;
  submittedAt: string | null;
}

interface QueueRow {
  id: string;
  setting: string;
  service_date: string;
  status: string;
  assignee_id: string | null;
  assignee_name: string | null;
  pool_setting: string | null;
  epoch: string;
  lease_user_id: string | null;
  lease_user_name: string | null;
  lease_expires_at: Date | null;
  submitted_at: Date | null;
}

/** One page of the team queue, oldest service date first, and how many charts match in all. */
export async function listTeamQueue(db: Db, q: TeamQueueQuery): Promise<{ total: number; charts: TeamQueueChart[] }> {
  const where = 'WHERE ($1::text IS NULL OR c.status = $1) AND ($2::text IS NULL OR c.setting = $2)';
  const filters = [q.status ?? null, q.setting ?? null];
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM hub_charts c ${where}`, filters)).rows[0]?.n ?? 0;
  const rows = (await db.query<QueueRow>(
    `SELECT c.id, c.setting, c.service_date, c.status, c.assignee_id, a.name AS assignee_name, c.pool_setting, c.epoch,
            c.lease_user_id, l.name AS lease_user_name, c.lease_expires_at, c.submitted_at
     FROM hub_charts c LEFT JOIN hub_users a ON a.id = c.assignee_id LEFT JOIN hub_users l ON l.id = c.lease_user_id
     ${where} ORDER BY c.service_date, c.id LIMIT $3 OFFSET $4`,
    [...filters, q.limit, q.offset],
  )).rows;
  return {
    total,
    charts: rows.map((r) => ({
      id: r.id,
      setting: r.setting,
      serviceDate: r.service_date.slice(0, 10),
      status: r.status,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
      pool: r.pool_setting,
      epoch: Number(r.epoch),
      leaseUserId: r.lease_user_id,
      leaseUserName: r.lease_user_name,
      leaseExpiresAt: r.lease_expires_at?.toISOString() ?? null,
      submittedAt: r.submitted_at?.toISOString() ?? null,
    })),
  };
}

export async function listUsers(db: Db): Promise<{ users: { id: string; name: string; role: Role; disabled: boolean }[] }> {
  const rows = (await db.query<{ id: string; name: string; role: Role; disabled: boolean }>(
    'SELECT id, name, role, disabled_at IS NOT NULL AS disabled FROM hub_users ORDER BY name, id',
  )).rows;
  return { users: rows.map((r) => ({ id: r.id, name: r.name, role: r.role, disabled: r.disabled })) };
}
