/** Work packages and result packages: what the API answers about them (no PHI in any field). */
import type { ChartStatus, CodeSystem, Coding, HoldReason, Role } from './domain';

export const PACKAGE_EXPIRY_DAYS = { min: 1, max: 90, default: 14 } as const;

/** A profile that can be packaged for (or whose packages can be opened), with its pinned fingerprint. */
export interface ProfileCardInfo {
  profileId: string;
  displayName: string;
  role: Role;
  /** 64 hex digits in groups of 4, to compare out of band. */
  fingerprint: string;
  /** local: a profile on this computer; card: imported from a card file. */
  source: 'local' | 'card';
}

/** A code-set version a packaged chart needs (by its coding date); the content stays in content.db. */
export interface CodeSetNeed {
  system: CodeSystem;
  label: string;
  effectiveFrom: string;
  isDemo: boolean;
}

export interface PackageCreated {
  packageId: string;
  path: string;
  bytes: number;
  charts: number;
  seq: number;
  expiresAt: string;
  codeSets: CodeSetNeed[];
  recipient: ProfileCardInfo;
}

export interface PackageOpened {
  packageId: string;
  sender: { profileId: string; displayName: string; fingerprint: string };
  charts: number;
  /** The charts it brought (empty when opened before). */
  chartIds: string[];
  expiresAt: string;
  /** When the lead made the package: the charts' assignment time for turnaround. */
  assignedAt: string;
  /** Audits of your charts it brought (findings to agree with or rebut) or updated (the auditor's decisions). */
  audits: number;
  /** The same package opened before: nothing changed. */
  alreadyOpened: boolean;
  /** Code-set versions the charts need that this computer does not have: import them before coding. */
  missingCodeSets: CodeSetNeed[];
}

export interface ResultCreated {
  packageId: string;
  path: string;
  bytes: number;
  charts: number;
  seq: number;
  activity: number;
}

export interface ResultApplied {
  packageId: string;
  seq: number;
  /** The same result applied before: nothing changed. */
  alreadyApplied: boolean;
  applied: string[];
  unchanged: number;
  conflicts: string[];
  activity: number;
}

export interface PackageLogEntry {
  packageId: string;
  kind: 'work' | 'result';
  direction: 'sent' | 'opened' | 'applied';
  counterpart: string;
  seq: number;
  createdAt: string;
  expiresAt: string;
  recordedAt: string;
  charts: number;
}

/** A chart's work as one side has it: what a conflict shows side by side. */
export interface ChartWorkState {
  status: ChartStatus;
  holdReason: HoldReason | null;
  holdNote: string | null;
  version: number;
  coding: Coding | null;
  submissions: { version: number; submittedAt: string; coding: Coding }[];
}

export interface PackageConflict {
  id: number;
  chartId: string;
  packageId: string;
  from: string;
  createdAt: string;
  home: ChartWorkState;
  package: ChartWorkState;
}
