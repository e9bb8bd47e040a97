/**
 * The one API contract. Each method: its input schema, its output type, and who may call it.
 * Hosts (Electron IPC, browser host, CLI), the preload and the renderer client all derive
 * from this table; a method that is not here does not exist.
 */
import { AUDIT_MODES, type AuditAccuracyReport, type AuditView, type SampleDrawn } from './audits';
import { queryAnswerSchema, queryDraftSchema } from './queries';
import { QUERY_EXPORT_FORMATS, type QueryChange, type QueryRecord } from './query-records';
import type { ProductivityReport, UnitWeights } from './productivity';
import type { HubCheckout, HubConflictView, HubQueueChart, HubState, HubUser } from './hub';
import { z } from 'zod';
import {
  CHART_STATUSES,
  CODE_SYSTEMS,
  HOLD_REASONS,
  IDLE_LOCK_LIMITS,
  POA_VALUES,
  REOPEN_NOTE_MAX,
  REOPEN_REASONS,
  ROLES,
  SETTINGS,
  type ChartDetail,
  type ChartDocument,
  type ChartRow,
  type ChartVersions,
  type CodeHit,
  type Coding,
  type ContentVersion,
  type ProfileSummary,
  type Role,
  type SessionStatus,
  type ValidationProblem,
} from './domain';
import type { ChangeSummary, CodeDetail, PcsStep, TableSearchResult, TabularNode } from './encoder';
import { chartSortKeys, type ChartSortKey } from './chart-sort';
import { claimSchema, type Finding } from './claim';
import { chartLayoutSchema, type ChartLayout } from './layout';
import type { ChartImportProgress, ChartImportSummary } from './chart-import';
import { exportInputSchema, exportSelectionSchema, type ExportPreview, type ExportResult } from './results';
import {
  PACKAGE_EXPIRY_DAYS,
  type PackageConflict,
  type PackageCreated,
  type PackageLogEntry,
  type PackageOpened,
  type ProfileCardInfo,
  type ResultApplied,
  type ResultCreated,
} from './packages';

/** 'public': no unlocked workspace needed (login screen, code-set content which is not PHI). */
export type Access = 'public' | readonly Role[];

interface MethodDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type only. */
  output?: O;
}

const method = <O>() => <I extends z.ZodType>(def: { input: I; access: Access }): MethodDef<I, O> => def;

const ALL_ROLES = ROLES;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const chartId = z.string().min(1).max(64);
const empty = z.object({}).strict();
const filePath = z.string().min(1).max(4096);
const packageDays = z
  .number()
  .int()
  .min(PACKAGE_EXPIRY_DAYS.min, `a package expires in ${PACKAGE_EXPIRY_DAYS.min} to ${PACKAGE_EXPIRY_DAYS.max} days`)
  .max(PACKAGE_EXPIRY_DAYS.max, `a package expires in ${PACKAGE_EXPIRY_DAYS.min} to ${PACKAGE_EXPIRY_DAYS.max} days`)
  .default(PACKAGE_EXPIRY_DAYS.default);
/** Leads hand out work and take results back; those who code open packages and return results. */
const PACKAGE_ISSUERS = ['supervisor', 'auditor'] as const;
const PACKAGE_CODERS = ['coder', 'auditor'] as const;

const queryId = z.string().regex(/^Q-[0-9a-f]{16}$/, 'expected a query id');
/** Those who code raise queries; supervisors read them. */
const QUERY_WRITERS = ['coder', 'auditor'] as const;
const auditId = z.string().regex(/^A-[0-9a-f]{16}$/, 'expected an audit id');
const AUDITORS = ['auditor'] as const;
const weight = z.number().min(0, 'a weight is 0 to 10').max(10, 'a weight is 0 to 10');
const unitWeightsSchema = z.object({ inpatient: weight, outpatient_surgery: weight, emergency: weight, professional: weight }).strict();
const reportRangeSchema = z.object({ from: isoDate, to: isoDate, coderId: z.string().min(1).max(64).optional() }).strict();
/** Productivity from this workspace's activity, or (a workspace signed in to a team hub) the hub's whole-team roll-up. */
const productivityInput = reportRangeSchema.extend({ source: z.enum(['workspace', 'hub']).optional() }).strict();
const HUB_CODERS = ['coder', 'auditor'] as const;
const hubUserId = z.string().min(1).max(40);
const ACTIVITY_IDLE_TEXT = 'the activity idle threshold is 1 to 30 minutes';
/** One activity record covers at most an hour: the renderer sends one every few minutes. */
export const ACTIVE_SECONDS_MAX = 3600;
const IDLE_LOCK_TEXT = `the idle lock is ${IDLE_LOCK_LIMITS.min} to ${IDLE_LOCK_LIMITS.max} minutes`;

export const passphraseSchema = z
  .string()
  .min(12, 'the passphrase must have at least 12 characters')
  .max(1024);

export const codingSchema = z
  .object({
    diagnoses: z
      .array(z.object({ code: z.string().min(1).max(10), poa: z.enum(POA_VALUES).nullable() }).strict())
      .max(50),
    procedures: z
      .array(
        z
          .object({
            system: z.enum(['icd10pcs', 'cpt', 'hcpcs']),
            code: z.string().min(1).max(10),
            modifiers: z.array(z.string().regex(/^[A-Z0-9]{2}$/, 'a modifier has 2 characters')).max(4),
            units: z.number().int().min(1).max(999),
            date: isoDate.nullable(),
            pointers: z
              .array(z.string().min(1).max(10))
              .max(4, 'at most 4 diagnosis pointers on a line')
              .refine((ps) => new Set(ps).size === ps.length, 'a line points at each diagnosis once')
              .optional(),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();

export { chartSortKeys, type ChartSortKey };

export const chartListInput = z
  .object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    sort: z
      .array(z.object({ key: z.enum(chartSortKeys), desc: z.boolean() }).strict())
      .max(3)
      .default([{ key: 'priority', desc: false }]),
    /** Quick search over chart id, payer, assignee, setting. */
    search: z.string().max(100).default(''),
    status: z.array(z.enum(CHART_STATUSES)).default([]),
    setting: z.array(z.enum(SETTINGS)).default([]),
    payer: z.string().max(100).default(''),
  })
  .strict();
export type ChartListInput = z.input<typeof chartListInput>;

export interface ImportSummary {
  /**
   * verified: the file is a known official release, byte for byte (`release` names it); false
   * (release null) when imported with allowUnverified.
   */
  files: { path: string; kind: string; system: string; label: string; codes: number; replaced: boolean; verified: boolean; release: string | null }[];
  /** Files found in the folders given that were not imported, each with the reason. */
  skipped: { path: string; reason: string }[];
  totalCodes: number;
  seconds: number;
}

export interface ImportProgress {
  path: string;
  file: number;
  files: number;
  step: 'checking' | 'reading' | 'indexing' | 'search';
  line: number;
  totalLines: number;
}

/** One imported official file (code lists and edit tables alike), newest first. */
export interface SourceFileInfo {
  file: string;
  kind: string;
  /** The official release it matched byte for byte; null when imported unverified. */
  release: string | null;
  importedAt: string;
}

export type SubmitOutcome =
  | { submitted: true; problems: ValidationProblem[]; /** The version this submit stored (2 or more after a reopen). */ version: number }
  | { submitted: false; problems: ValidationProblem[] };

export interface AuditVerifyReport {
  ok: boolean;
  entries: number;
  problems: { seq: number; kind: 'altered' | 'deleted' | 'reordered' | 'inserted' | 'origin' | 'truncated' | 'rewritten' | 'unsealed'; message: string }[];
}

export const contract = {
  'profiles.list': method<ProfileSummary[]>()({ input: empty, access: 'public' }),
  'profiles.create': method<{ profile: ProfileSummary; recoveryKey: string }>()({
    input: z
      .object({
        displayName: z.string().trim().min(1).max(80),
        role: z.enum(ROLES),
        passphrase: passphraseSchema,
        /** A supervisor of this device approves an auditor or supervisor profile when the device already has profiles. */
        approval: z.object({ profileId: z.string().min(1).max(64), passphrase: z.string().min(1).max(1024) }).strict().optional(),
      })
      .strict(),
    access: 'public',
  }),
  'session.status': method<SessionStatus>()({ input: empty, access: 'public' }),
  'session.unlock': method<SessionStatus>()({
    input: z.object({ profileId: z.string().min(1).max(64), passphrase: z.string().min(1).max(1024) }).strict(),
    access: 'public',
  }),
  'session.recover': method<{ status: SessionStatus; recoveryKey: string }>()({
    input: z
      .object({ profileId: z.string().min(1).max(64), recoveryKey: z.string().min(1).max(200), newPassphrase: passphraseSchema })
      .strict(),
    access: 'public',
  }),
  'session.lock': method<SessionStatus>()({ input: empty, access: 'public' }),
  /** Renderer heartbeat: the user did something; postpones the idle lock. */
  'session.activity': method<{ lockInSeconds: number }>()({ input: empty, access: ALL_ROLES }),
  /**
   * Active seconds on an open chart since the last record (the renderer's ActiveTimeTracker).
   * Refused when more than the time that has passed since the chart was opened or last recorded.
   */
  'activity.record': method<{ recorded: number }>()({
    input: z.object({ chartId, activeSeconds: z.number().int().min(1).max(ACTIVE_SECONDS_MAX) }).strict(),
    access: ALL_ROLES,
  }),
  'settings.setActivityIdle': method<SessionStatus>()({
    input: z
      .object({ minutes: z.number().int().min(1, ACTIVITY_IDLE_TEXT).max(30, ACTIVITY_IDLE_TEXT) })
      .strict(),
    access: ALL_ROLES,
  }),
  /**
   * Productivity over a period (at most a year), from the recorded activity. A supervisor sees
   * the team or one coder; anyone else sees only their own figures, exactly as computed for the team.
   */
  'reports.productivity': method<ProductivityReport>()({ input: productivityInput, access: ALL_ROLES }),
  /** The same report as CSV or XLSX, written to a new file; on the audit trail. */
  'reports.exportProductivity': method<{ path: string; format: 'csv' | 'xlsx'; bytes: number; rows: number }>()({
    input: productivityInput.extend({ format: z.enum(['csv', 'xlsx']), path: filePath }).strict(),
    access: ['supervisor'],
  }),
  /** A chart's physician queries, oldest first. */
  'queries.list': method<QueryRecord[]>()({ input: z.object({ chartId }).strict(), access: ALL_ROLES }),
  /** A new draft (no id) or a draft rewritten; only those who code write queries. */
  'queries.save': method<QueryRecord>()({ input: z.object({ id: queryId.optional(), draft: queryDraftSchema }).strict(), access: QUERY_WRITERS }),
  /** Sends a draft the linter passes (else BAD_INPUT with every reason); holds the chart awaiting the answer. */
  'queries.send': method<QueryChange>()({ input: z.object({ id: queryId }).strict(), access: QUERY_WRITERS }),
  /** The provider's answer, typed in or taken from a document; the chart returns to the coder when no query waits. */
  'queries.answer': method<QueryChange>()({ input: z.object({ id: queryId, answer: queryAnswerSchema }).strict(), access: QUERY_WRITERS }),
  'queries.cancel': method<QueryChange>()({ input: z.object({ id: queryId }).strict(), access: QUERY_WRITERS }),
  'queries.close': method<QueryChange>()({ input: z.object({ id: queryId }).strict(), access: QUERY_WRITERS }),
  /** One query as HL7 v2 MDM^T02 or a FHIR Communication (a Bundle with the answer's when answered), to a new file. */
  'queries.export': method<{ path: string; bytes: number }>()({
    input: z.object({ id: queryId, format: z.enum(QUERY_EXPORT_FORMATS), path: filePath }).strict(),
    access: QUERY_WRITERS,
  }),
  /** A seeded sample of submitted charts coded by others (random or stratified; by count or percent). */
  'audits.sample': method<SampleDrawn>()({
    input: z
      .object({
        size: z.union([z.object({ count: z.number().int().min(1).max(100_000) }).strict(), z.object({ percent: z.number().gt(0).max(100) }).strict()]),
        strata: z.enum(['none', 'coder', 'setting']).default('none'),
        seed: z.string().trim().min(1).max(64).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      })
      .strict(),
    access: AUDITORS,
  }),
  /** Starts (or resumes) the caller's audit of a submitted chart; never of their own coding. */
  'audits.start': method<AuditView>()({
    input: z.object({ chartId, mode: z.enum(AUDIT_MODES), sampleId: z.string().max(40).optional() }).strict(),
    access: AUDITORS,
  }),
  'audits.get': method<AuditView>()({ input: z.object({ auditId }).strict(), access: AUDITORS }),
  'audits.save': method<AuditView>()({ input: z.object({ auditId, coding: codingSchema }).strict(), access: AUDITORS }),
  /** The payer-style edits on the auditor's codes, as the chart screen shows them for a coder's draft. */
  'audits.validate': method<ValidationProblem[]>()({ input: z.object({ auditId }).strict(), access: AUDITORS }),
  /** Commits the auditor's codes: the typed difference becomes the findings, and a blind audit shows the coder's codes. */
  'audits.commit': method<AuditView>()({ input: z.object({ auditId }).strict(), access: AUDITORS }),
  /** The audits this profile may see: a coder's committed ones, an auditor's own, all for a supervisor. */
  'audits.list': method<AuditView[]>()({ input: empty, access: ALL_ROLES }),
  /** The coder agrees with a finding or rebuts it (a comment required). */
  'audits.respond': method<AuditView>()({
    input: z.object({ auditId, findingId: z.string().min(1).max(80), response: z.enum(['agree', 'rebut']), comment: z.string().max(1000).default('') }).strict(),
    access: ['coder'],
  }),
  /** The auditor upholds or withdraws a rebutted finding; the score follows. */
  'audits.decide': method<AuditView>()({
    input: z.object({ auditId, findingId: z.string().min(1).max(80), decision: z.enum(['uphold', 'withdraw']), comment: z.string().max(1000).default('') }).strict(),
    access: AUDITORS,
  }),
  /** A work package of the committed audits of `recipientId`'s charts, for them to answer (no charts in it). */
  'audits.send': method<{ path: string; audits: number }>()({
    input: z.object({ recipientId: z.string().min(1).max(64), expiresDays: packageDays, path: filePath }).strict(),
    access: AUDITORS,
  }),
  /** Code- and record-level accuracy with Wilson 95% intervals; a coder sees their own only. */
  'audits.accuracy': method<AuditAccuracyReport>()({ input: reportRangeSchema, access: ALL_ROLES }),
  /** The weight of a submitted chart per setting, for weighted units (a supervisor's choice; 0 to 10 each). */
  'settings.setUnitWeights': method<UnitWeights>()({
    input: z.object({ weights: unitWeightsSchema }).strict(),
    access: ['supervisor'],
  }),
  'settings.setIdleLock': method<SessionStatus>()({
    input: z
      .object({ minutes: z.number().int().min(IDLE_LOCK_LIMITS.min, IDLE_LOCK_TEXT).max(IDLE_LOCK_LIMITS.max, IDLE_LOCK_TEXT) })
      .strict(),
    access: ALL_ROLES,
  }),
  'demo.load': method<{ charts: number; codes: number; editRows: number }>()({ input: empty, access: ALL_ROLES }),
  'charts.list': method<{ rows: ChartRow[]; total: number }>()({ input: chartListInput, access: ALL_ROLES }),
  'charts.get': method<ChartDetail>()({ input: z.object({ chartId }).strict(), access: ALL_ROLES }),
  'documents.get': method<ChartDocument>()({
    input: z.object({ chartId, documentId: z.string().min(1).max(64) }).strict(),
    access: ALL_ROLES,
  }),
  'coding.get': method<{ coding: Coding; revision: number }>()({
    input: z.object({ chartId }).strict(),
    access: ALL_ROLES,
  }),
  'coding.save': method<{ revision: number }>()({
    input: z.object({ chartId, coding: codingSchema, revision: z.number().int().min(0) }).strict(),
    access: ['coder', 'auditor'],
  }),
  'coding.validate': method<ValidationProblem[]>()({ input: z.object({ chartId }).strict(), access: ALL_ROLES }),
  /** Errors block; warnings block until acknowledged (their keys, see problemKey), which is audited. */
  'charts.submit': method<SubmitOutcome>()({
    input: z.object({ chartId, acknowledgedWarnings: z.array(z.string().max(300)).max(100).default([]) }).strict(),
    access: ['coder', 'auditor'],
  }),
  'charts.hold': method<ChartDetail>()({
    input: z.object({ chartId, reason: z.enum(HOLD_REASONS), note: z.string().trim().min(1).max(500) }).strict(),
    access: ['coder', 'auditor'],
  }),
  'charts.release': method<ChartDetail>()({ input: z.object({ chartId }).strict(), access: ['coder', 'auditor'] }),
  /**
   * A submitted chart back in progress as its next version, assigned to the caller; the
   * submitted version stays as it was. Those who code may reopen (supervisors review only).
   */
  'charts.reopen': method<ChartDetail>()({
    input: z
      .object({
        chartId,
        reason: z.enum(REOPEN_REASONS, { error: `choose a reason: ${REOPEN_REASONS.join(', ')}` }),
        note: z.string().trim().max(REOPEN_NOTE_MAX, `keep the note to ${REOPEN_NOTE_MAX} characters`).default(''),
      })
      .strict(),
    access: ['coder', 'auditor'],
  }),
  /**
   * Charts from hospital exports (FHIR R4 bundle or bulk folder/zip, HL7 v2 files; the kind is
   * detected from the content). Coders import what they are sent, supervisors for their team;
   * auditors review only. Progress: 'charts.import.progress'.
   */
  'charts.import': method<ChartImportSummary>()({
    input: z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1, 'name at least one file or folder').max(100),
        /** What an ambulatory encounter (FHIR class AMB, HL7 PV1-2 'O') becomes; outpatient facility by default. */
        ambulatorySetting: z.enum(['outpatient_surgery', 'professional']).optional(),
      })
      .strict(),
    access: ['coder', 'supervisor'],
  }),
  /** Applies a source change that arrived after submit to the chart, once it is reopened (audited). */
  'charts.applySourceChanges': method<ChartDetail>()({ input: z.object({ chartId }).strict(), access: ['coder', 'auditor'] }),
  /** A chart's submitted versions with their codes, and the reopens between them. */
  'charts.versions': method<ChartVersions>()({ input: z.object({ chartId }).strict(), access: ALL_ROLES }),
  /** The installed versions are `codes.versions`' business: each keystroke's reply carries the hits only. */
  'codes.search': method<{ query: string; results: CodeHit[] }>()({
    input: z
      .object({
        query: z.string().max(200),
        system: z.enum(CODE_SYSTEMS).optional(),
        date: isoDate.optional(),
        limit: z.number().int().min(1).max(200).default(25),
      })
      .strict(),
    access: 'public',
  }),
  'codes.versions': method<ContentVersion[]>()({ input: empty, access: 'public' }),
  /** Code-set files are not PHI: importing needs no unlocked workspace (it is audited when one is). */
  'codes.import': method<ImportSummary>()({
    input: z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1, 'name at least one file or folder').max(100),
        /** Import files that match no known official release; they are marked unverified. */
        allowUnverified: z.boolean().optional(),
      })
      .strict(),
    access: 'public',
  }),
  /** The official files imported (the Code sets screen lists them with their release). */
  'codes.sourceFiles': method<SourceFileInfo[]>()({ input: empty, access: 'public' }),
  'audit.verify': method<AuditVerifyReport>()({ input: empty, access: ALL_ROLES }),
  /** When the trail no longer matches its seal and no backup will be restored: the finding goes on the record and the seal follows. */
  'audit.reanchor': method<SessionStatus>()({ input: empty, access: ALL_ROLES }),
  /** An encrypted copy of the open workspace (same key), verified after writing. */
  'workspace.backup': method<{ path: string; bytes: number; headSeq: number }>()({
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    access: ALL_ROLES,
  }),
  /** Puts a backup in place of a profile's workspace and unlocks it: the passphrase is asked again. */
  'workspace.restore': method<{ status: SessionStatus; entriesGivenUp: number; replacedFile: string | null; bytes: number }>()({
    input: z.object({ profileId: z.string().min(1).max(64), passphrase: z.string().min(1).max(1024), path: z.string().min(1).max(4096) }).strict(),
    access: 'public',
  }),
  /** A code with its title, hierarchy and every Tabular List note that applies to it. */
  'codes.show': method<CodeDetail>()({
    input: z.object({ code: z.string().trim().min(1).max(10), system: z.enum(CODE_SYSTEMS).optional(), date: isoDate.optional() }).strict(),
    access: 'public',
  }),
  /** The Tabular List as a tree: the children of `parent` (chapters when null). */
  'codes.browse': method<TabularNode[]>()({
    input: z.object({ parent: z.string().max(20).nullable(), date: isoDate.optional() }).strict(),
    access: 'public',
  }),
  /** ICD-10-PCS builder: the valid values for the next position after `prefix`. */
  'codes.pcsBuild': method<PcsStep>()({
    input: z.object({ prefix: z.string().regex(/^[0-9A-HJ-NP-Z]{0,7}$/i, 'PCS characters are digits and letters except I and O'), date: isoDate.optional() }).strict(),
    access: 'public',
  }),
  /** The Neoplasm table and the Table of Drugs and Chemicals, searched by term. */
  'codes.tableSearch': method<TableSearchResult>()({
    input: z.object({ table: z.enum(['drug', 'neoplasm']), query: z.string().max(200), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: 'public',
  }),
  /** What changed between two imported versions (added, deleted, revised titles). */
  'codes.changes': method<ChangeSummary>()({
    input: z.object({ system: z.enum(CODE_SYSTEMS), from: z.string().max(40).optional(), to: z.string().max(40).optional() }).strict(),
    access: 'public',
  }),
  /** Checks a claim the way a payer's editor would. Content only: no workspace needed. */
  'claim.check': method<{ findings: Finding[] }>()({ input: claimSchema, access: 'public' }),
  /** The user's screen preferences (pane widths; not PHI): kept in their workspace, not audited. */
  'preferences.get': method<{ chartLayout: ChartLayout }>()({ input: empty, access: ALL_ROLES }),
  'preferences.set': method<{ chartLayout: ChartLayout }>()({
    input: z.object({ chartLayout: chartLayoutSchema }).strict(),
    access: ALL_ROLES,
  }),
  /** What an export of these submitted charts would write: the charts, counts per format, the first chart in each format. */
  'results.preview': method<ExportPreview>()({
    input: z.object({ selection: exportSelectionSchema.default({}), rowLimit: z.number().int().min(1).max(1000).default(500) }).strict(),
    access: ALL_ROLES,
  }),
  /** Writes the selected charts' latest submissions to a new file, encrypted unless plain; on the audit trail. */
  'results.export': method<ExportResult>()({ input: exportInputSchema, access: ALL_ROLES }),
  /** Opens an encrypted export into a new plain file (for the receiving side; no workspace involved). */
  'results.decrypt': method<{ path: string; bytes: number }>()({
    input: z
      .object({ path: z.string().min(1).max(4096), out: z.string().min(1).max(4096), passphrase: z.string().min(1).max(1024) })
      .strict(),
    access: 'public',
  }),
  /** This profile's card (public keys and fingerprint), written to `path` to hand to a lead on another computer. */
  'profiles.exportCard': method<ProfileCardInfo & { path: string }>()({ input: z.object({ path: filePath }).strict(), access: ALL_ROLES }),
  /** Pins another profile's card by its fingerprint (compare it with its owner out of band). */
  'profiles.importCard': method<{ card: ProfileCardInfo; newlyPinned: boolean }>()({ input: z.object({ path: filePath }).strict(), access: ALL_ROLES }),
  /** The profiles packages can go to: those on this computer with keys, and imported cards. */
  'packages.recipients': method<{ self: ProfileCardInfo; recipients: ProfileCardInfo[] }>()({ input: empty, access: ALL_ROLES }),
  /** Charts (by id, or every chart with a status) for one coder, encrypted to them and signed, written to `path`. */
  'packages.create': method<PackageCreated>()({
    input: z
      .object({
        chartIds: z.array(chartId).min(1, 'choose at least one chart').max(2000).optional(),
        status: z.enum(CHART_STATUSES).optional(),
        recipientId: z.string().min(1).max(64),
        expiresDays: packageDays,
        path: filePath,
      })
      .strict()
      .refine((i) => (i.chartIds === undefined) !== (i.status === undefined), 'name the charts or a status, not both'),
    access: PACKAGE_ISSUERS,
  }),
  /** Coders and auditors open work; a supervisor opens only an auditor's audits (a package with no charts). */
  'packages.open': method<PackageOpened>()({ input: z.object({ path: filePath }).strict(), access: ALL_ROLES }),
  /** The work done on every chart received from `recipientId`, back to them. */
  'packages.result': method<ResultCreated>()({
    input: z.object({ recipientId: z.string().min(1).max(64), expiresDays: packageDays, path: filePath }).strict(),
    access: PACKAGE_CODERS,
  }),
  'packages.apply': method<ResultApplied>()({ input: z.object({ path: filePath }).strict(), access: PACKAGE_ISSUERS }),
  'packages.log': method<PackageLogEntry[]>()({ input: empty, access: ALL_ROLES }),
  'packages.conflicts': method<PackageConflict[]>()({ input: empty, access: PACKAGE_ISSUERS }),
  'packages.resolve': method<{ chartId: string }>()({
    input: z.object({ conflictId: z.number().int().min(1), keep: z.enum(['home', 'package']) }).strict(),
    access: PACKAGE_ISSUERS,
  }),
  /** The link to a team hub and the outbox: last sync, entries waiting, conflicts. */
  'hub.status': method<HubState>()({ input: empty, access: ALL_ROLES }),
  /** Signs in to a hub with the account of this profile's role; the device token is kept in the encrypted workspace. */
  'hub.signIn': method<HubState>()({
    input: z.object({ url: z.string().min(1).max(300), user: z.string().min(1).max(80), password: z.string().min(1).max(1024) }).strict(),
    access: ALL_ROLES,
  }),
  /** Revokes this device on the hub (when it can be reached) and forgets the link; refused while entries wait. */
  'hub.signOut': method<HubState>()({ input: empty, access: ALL_ROLES }),
  /** Sends the outbox now (it also goes in the background); the outcome is in the state, never a failure. */
  'hub.sync': method<HubState>()({ input: empty, access: ALL_ROLES }),
  /** Leases up to `count` charts from the team queue into this workspace. */
  'hub.checkout': method<HubCheckout>()({ input: z.object({ count: z.number().int().min(1).max(200) }).strict(), access: HUB_CODERS }),
  /** An auditor leases submitted charts of other coders for second-level audit. */
  'hub.auditCheckout': method<HubCheckout>()({ input: z.object({ count: z.number().int().min(1).max(200) }).strict(), access: ['auditor'] }),
  'hub.queue': method<{ total: number; charts: HubQueueChart[] }>()({
    input: z.object({ status: z.enum(['unassigned', 'assigned', 'leased', 'submitted', 'on_hold']).optional(), setting: z.enum(SETTINGS).optional(), offset: z.number().int().min(0).optional() }).strict(),
    access: ['supervisor'],
  }),
  'hub.users': method<HubUser[]>()({ input: empty, access: ['supervisor'] }),
  /** Assigns team-queue charts to a coder, or to the pool of a setting. */
  'hub.assign': method<{ assigned: number }>()({
    input: z.union([
      z.object({ chartIds: z.array(chartId).min(1).max(5000), userId: hubUserId }).strict(),
      z.object({ chartIds: z.array(chartId).min(1).max(5000), pool: z.enum(SETTINGS) }).strict(),
    ]),
    access: ['supervisor'],
  }),
  /** Takes a checked-out chart back: its holder's later pushes go to the conflict list. */
  'hub.revokeLease': method<{ epoch: number }>()({ input: z.object({ chartId }).strict(), access: ['supervisor'] }),
  /** The team's unit weights on the hub: every report the hub makes uses them. */
  'hub.setUnitWeights': method<UnitWeights>()({ input: z.object({ weights: unitWeightsSchema }).strict(), access: ['supervisor'] }),
  'hub.conflicts': method<HubConflictView[]>()({ input: empty, access: ['supervisor'] }),
  'hub.resolveConflict': method<{ resolved: number; keep: 'current' | 'incoming' }>()({
    input: z.object({ conflictId: z.number().int().min(1), keep: z.enum(['current', 'incoming']) }).strict(),
    access: ['supervisor'],
  }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>;

/** Events pushed from main to the renderer. */
export interface EventMap {
  'session.locked': { reason: 'idle' | 'manual' | 'os' };
  'session.unlocked': Record<string, never>;
  /**
   * File `file` of `files` (1-based): `checking` its bytes against the official releases (every
   * file is checked before any is written), `reading` line `line` of `totalLines` (the importer's
   * unit: lines, rows or elements), or `indexing` (every line read, its search index being built);
   * then, after the last file, `search`: the search indexes built beside the current ones, which
   * answer searches until the swap.
   */
  'import.progress': ImportProgress;
  'charts.changed': { chartId: string | null };
  /** A chart import: after each committed batch, items read so far and what was written. */
  'charts.import.progress': ChartImportProgress;
  /** The hub link's state changed (a sync started or ended, a check-out, a sign-in). */
  'hub.state': HubState;
}
export type EventName = keyof EventMap;
