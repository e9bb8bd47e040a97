/** What the desktop shows of its link to a team hub (never the device token). */
import type { ChartSetting, Role } from './domain';

export interface HubState {
  linked: boolean;
  url: string | null;
  userName: string | null;
  role: Role | null;
  /** Last time the hub answered this desktop. */
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  /** Why the last attempt failed (a plain sentence), or null. */
  lastError: string | null;
  /** Outbox entries not yet answered by the hub. */
  waiting: number;
  /** Committed audits (an auditor's) the hub does not have in their latest form. */
  auditsWaiting: number;
  /** Entries the hub put on its supervisor's conflict list (a stale lease). */
  conflicts: number;
  /** Entries the hub refused (the chart was not leased to this device). */
  refused: number;
  /** Charts checked out from the hub that are not yet submitted here. */
  open: number;
  /** When the first lease of those charts ends (ISO): after it the hub may give the chart to someone else. */
  firstLeaseEnds: string | null;
  /** Of those, charts the hub no longer leases to this device (taken back, or run out and taken), as of the last sync. */
  takenBack: number;
  syncing: boolean;
}

export interface HubCheckout {
  imported: number;
  /** Charts already here from the hub, leased to you again: your work on them is kept. */
  renewed: number;
  /** Charts the hub leased that clash with a chart here that did not come from the hub. */
  clashing: number;
  chartIds: string[];
}

export interface HubQueueChart {
  id: string;
  setting: ChartSetting;
  serviceDate: string;
  status: 'unassigned' | 'assigned' | 'leased' | 'submitted' | 'on_hold';
  assigneeId: string | null;
  assigneeName: string | null;
  pool: ChartSetting | null;
  epoch: number;
  leaseUserId: string | null;
  leaseUserName: string | null;
  leaseExpiresAt: string | null;
  submittedAt: string | null;
}

export interface HubUser {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
}

/** One side of a conflict, as the supervisor compares them. */
export interface HubConflictSide {
  status: string;
  version: number;
  codes: string[];
  submitted: boolean;
}

export interface HubConflictView {
  id: number;
  chartId: string;
  userId: string;
  epoch: number;
  currentEpoch: number;
  reason: string;
  createdAt: string;
  incoming: HubConflictSide;
  current: HubConflictSide | null;
}
