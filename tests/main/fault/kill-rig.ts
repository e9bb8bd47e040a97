/**
 * The kill rig: one profile with the demo workspace on a temp home, a child process doing
 * audited writes on it (kill-child.ts), SIGKILLed at a random moment, and after each kill a
 * real unlock (startSession, which runs quick_check and checks the trail against its seal)
 * followed by workspace-check.ts. Kills continue on the same workspace, so damage would
 * accumulate. Used by tests/main/fault/kill.test.ts, the bench and scripts/soak-kill.mjs;
 * it imports no test framework.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { callApi } from '../../../src/main/api';
import { CodeDeskApp } from '../../../src/main/app';
import { deriveAuditKeys } from '../../../src/main/services/audit/chain-keys';
import { readSeal } from '../../../src/main/services/audit/head-seal';
import { trailHead } from '../../../src/main/services/audit/binding';
import { rows } from '../../../src/main/services/db/rows';
import { createProfile } from '../../../src/main/services/users/profiles';
import type { ProfileSummary } from '../../../src/shared/domain';
import { addChartCopies, answerKey } from './chart-copies';
import { READY, seeded, type Ack, type ChildPlan, type Nack, type PlanChart } from './kill-protocol';
import { checkWorkspace } from './workspace-check';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const RESOURCES = path.join(REPO_ROOT, 'resources');
const PASSPHRASE = 'fault suite passphrase';
const SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
/** Charts that can still change; below this many, copies of the demo charts are added. */
const MIN_OPEN_CHARTS = 12;

/** Bundles kill-child.ts for plain Node (startup ~0.4 s instead of ~3 s through tsx). */
export function buildChild(outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'kill-child.mjs');
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'kill-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    packages: 'external',
    logLevel: 'silent',
  });
  // Its packages resolve from the repository, as an installed app's do.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  return outfile;
}

export interface KillOutcome {
  acks: Ack[];
  /** How long the child ran after `ready` before the kill. */
  delayMs: number;
  /** Entries past the sealed head when the parent opened (the crash window between commit and seal). */
  unsealedEntries: number;
  verifyMs: number;
  entries: number;
  problems: string[];
}

export interface RigOptions {
  dir: string;
  seed: number;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export class KillRig {
  readonly acks: Ack[] = [];
  private readonly random: () => number;
  private readonly child: string;
  private readonly home: string;
  private readonly answers = answerKey(RESOURCES);
  private copies = 0;
  private nextPlan!: ChildPlan;

  private constructor(
    private readonly options: RigOptions,
    private readonly profile: ProfileSummary,
    private readonly key: Buffer,
  ) {
    this.random = seeded(options.seed);
    this.home = path.join(options.dir, 'home');
    this.child = buildChild(path.join(options.dir, 'child'));
  }

  /** A coder profile (cheap scrypt) with the demo loaded through the API. */
  static async create(options: RigOptions): Promise<KillRig> {
    const home = path.join(options.dir, 'home');
    const made = await createProfile(home, { displayName: 'Fault Coder', role: 'coder', passphrase: PASSPHRASE, deviceId: 'fault-rig' }, { scrypt: SCRYPT });
    const rig = new KillRig(options, made.profile, made.key);
    const app = new CodeDeskApp({ home, resourcesDir: RESOURCES });
    try {
      app.startSession(made.profile, Buffer.from(made.key));
      const loaded = await callApi(app, 'demo.load', {});
      if (!loaded.ok) throw new Error(`demo.load failed: ${loaded.error.message}`);
      rig.nextPlan = rig.plan(app);
    } finally {
      app.close();
    }
    return rig;
  }

  get workspaceFile(): string {
    return path.join(this.home, 'profiles', this.profile.id, 'workspace.db');
  }

  private plan(app: CodeDeskApp): ChildPlan {
    const db = app.requireSession().db;
    if (rows(db, "SELECT id FROM charts WHERE status <> 'submitted'").length < MIN_OPEN_CHARTS) {
      this.copies = addChartCopies(db, RESOURCES, this.answers, this.copies, 20);
    }
    const docs = rows<{ chart_id: string; id: string }>(db, 'SELECT chart_id, id FROM documents ORDER BY chart_id, seq');
    const charts = rows<{ id: string; status: PlanChart['status'] }>(db, "SELECT id, status FROM charts WHERE status <> 'submitted' ORDER BY id");
    return {
      home: this.home,
      resourcesDir: RESOURCES,
      profileId: this.profile.id,
      passphrase: PASSPHRASE,
      scrypt: SCRYPT,
      seed: Math.floor(this.random() * 2 ** 31),
      charts: charts.map((c) => {
        const answer = this.answers.get(c.id);
        if (!answer) throw new Error(`no answer coding for ${c.id}`);
        return { ...c, answer, documents: docs.filter((d) => d.chart_id === c.id).map((d) => d.id) };
      }),
    };
  }

  /** Runs the child until a random moment after `ready`, SIGKILLs it and returns what it acknowledged. */
  private async runChild(plan: ChildPlan): Promise<{ acks: Ack[]; delayMs: number }> {
    const planFile = path.join(this.options.dir, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify(plan));
    const min = this.options.minDelayMs ?? 5;
    const delayMs = Math.round(min + this.random() * ((this.options.maxDelayMs ?? 150) - min));
    const child = spawn(process.execPath, [this.child, planFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CODEDESK_LOG: 'silent' },
    });
    const acks: Ack[] = [];
    const nacks: Nack[] = [];
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      const lines = (pending + d.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === READY) timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
        else if (line.startsWith('ack ')) acks.push(JSON.parse(line.slice(4)) as Ack);
        else if (line.startsWith('nack ')) nacks.push(JSON.parse(line.slice(5)) as Nack);
      }
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    clearTimeout(guard);
    clearTimeout(timer);
    if (nacks.length > 0) throw new Error(`the child's write was refused: ${JSON.stringify(nacks[0])} (seed ${plan.seed})`);
    if (signal !== 'SIGKILL' || timer === undefined) throw new Error(`the child ended before the kill (${signal ?? 'exit'}): ${stderr.slice(0, 2000)}`);
    return { acks, delayMs };
  }

  /**
   * One kill and the checks after it; the same session then plans the next run. Throws only
   * when the rig itself fails.
   */
  async killOnce(): Promise<KillOutcome> {
    const { acks, delayMs } = await this.runChild(this.nextPlan);
    this.acks.push(...acks);
    const started = performance.now();
    const sealFile = path.join(this.home, 'profiles', this.profile.id, 'audit-head.seal');
    const keys = deriveAuditKeys(this.key);
    const sealed = readSeal(sealFile, keys.seal);
    const app = new CodeDeskApp({ home: this.home, resourcesDir: RESOURCES });
    try {
      let status;
      try {
        status = app.startSession(this.profile, Buffer.from(this.key));
      } catch (error) {
        return { acks, delayMs, unsealedEntries: 0, verifyMs: 0, entries: 0, problems: [`unlock failed: ${String(error)}`] };
      }
      const problems: string[] = [];
      if (status.trailProblem) problems.push(`unlock: ${status.trailProblem}`);
      const db = app.requireSession().db;
      const head = trailHead(db);
      const unsealedEntries = sealed.kind === 'sealed' ? head.seq - sealed.head.seq : -1;
      if (unsealedEntries < 0 || unsealedEntries > 1) problems.push(`the seal was ${unsealedEntries} entries behind the trail (at most 1 expected)`);
      const after = readSeal(sealFile, keys.seal);
      if (after.kind !== 'sealed' || after.head.seq !== head.seq) problems.push('the seal did not catch up with the trail on unlock');
      const content = app.content().pragma('integrity_check', { simple: true });
      if (content !== 'ok') problems.push(`content.db integrity_check: ${String(content)}`);
      const found = checkWorkspace(db, this.acks);
      problems.push(...found.problems);
      const verifyMs = performance.now() - started;
      if (problems.length === 0) this.nextPlan = this.plan(app);
      return { acks, delayMs, unsealedEntries, verifyMs, entries: found.entries, problems };
    } finally {
      app.close();
    }
  }

  close(): void {
    this.key.fill(0);
  }
}
