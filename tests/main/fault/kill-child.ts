/**
 * The kill test's child process: the real app (CodeDeskApp + callApi) on the parent's home,
 * doing an endless random mix of every audited write kind until the parent SIGKILLs it.
 * A write is printed as `ack {json}` only after callApi returned ok, with a synchronous
 * write to fd 1, so every line the parent reads stands for a write the app acknowledged.
 *
 * Usage: node kill-child.mjs PLAN.json (bundled by kill-rig.ts; see kill-protocol.ts).
 *
 * Unlock mirrors the session.unlock handler (unlockProfile, startSession, the
 * session.unlock entry) with the profile's own scrypt cost: through callApi it would first
 * rewrap the test profile at the default cost (~230 ms per unlock), which only slows the kills.
 */
import fs from 'node:fs';
import { callApi } from '../../../src/main/api';
import { CodeDeskApp } from '../../../src/main/app';
import { unlockProfile } from '../../../src/main/services/users/profiles';
import { HOLD_REASONS, problemKey, type Coding } from '../../../src/shared/domain';
import type { Result } from '../../../src/shared/result';
import { codingKey, READY, seeded, type Ack, type AckKind, type ChildPlan, type PlanChart } from './kill-protocol';

const plan = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as ChildPlan;
const random = seeded(plan.seed);
const app = new CodeDeskApp({ home: plan.home, resourcesDir: plan.resourcesDir });
const open = new Map<string, PlanChart>(plan.charts.map((c) => [c.id, { ...c }]));

const say = (line: string): void => {
  fs.writeSync(1, `${line}\n`);
};
const ack = (a: Ack): void => say(`ack ${JSON.stringify(a)}`);

/** The value of an acknowledged call; a refused one is reported and ends the child (none is expected). */
function accepted<T>(kind: AckKind, result: Result<T>): T {
  if (result.ok) return result.value;
  say(`nack ${JSON.stringify({ kind, code: result.error.code, message: result.error.message })}`);
  process.exit(3);
}

const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
const anyChart = (): PlanChart | undefined => pick([...open.values()]);

async function unlock(): Promise<void> {
  const { profile, key } = await unlockProfile(plan.home, plan.profileId, plan.passphrase, Date.now(), { scrypt: plan.scrypt });
  const status = app.startSession(profile, key);
  if (status.trailProblem) accepted('session.unlock', { ok: false, error: { code: 'AUDIT_BROKEN', message: status.trailProblem } });
  app.audit('session.unlock');
  ack({ kind: 'session.unlock' });
}

/** Always a change to the codes (a save that changes nothing is, rightly, not audited). */
async function save(chart: PlanChart, target?: Coding): Promise<void> {
  const current = accepted('coding.save', await callApi(app, 'coding.get', { chartId: chart.id }));
  let coding = target ?? chart.answer;
  if (codingKey(current.coding) === codingKey(coding)) {
    if (target) return; // already what the submit needs
    coding = { ...chart.answer, diagnoses: chart.answer.diagnoses.slice(0, -1) };
  }
  const saved = accepted('coding.save', await callApi(app, 'coding.save', { chartId: chart.id, coding, revision: current.revision }));
  if (chart.status === 'new') chart.status = 'in_progress';
  ack({ kind: 'coding.save', chartId: chart.id, revision: saved.revision });
}

async function submit(chart: PlanChart): Promise<void> {
  await save(chart, chart.answer);
  const problems = accepted('charts.submit', await callApi(app, 'coding.validate', { chartId: chart.id }));
  const warnings = problems.filter((p) => p.severity === 'warning').map(problemKey);
  const outcome = accepted('charts.submit', await callApi(app, 'charts.submit', { chartId: chart.id, acknowledgedWarnings: warnings }));
  if (outcome.submitted) open.delete(chart.id);
  ack({ kind: 'charts.submit', chartId: chart.id, submitted: outcome.submitted });
}

async function hold(chart: PlanChart): Promise<void> {
  const reason = pick(HOLD_REASONS) ?? 'other';
  accepted('charts.hold', await callApi(app, 'charts.hold', { chartId: chart.id, reason, note: 'Fault test: waiting on a query.' }));
  chart.status = 'on_hold';
  ack({ kind: 'charts.hold', chartId: chart.id, reason });
}

async function release(): Promise<void> {
  const chart = pick([...open.values()].filter((c) => c.status === 'on_hold'));
  if (!chart) return;
  accepted('charts.release', await callApi(app, 'charts.release', { chartId: chart.id }));
  chart.status = 'in_progress';
  ack({ kind: 'charts.release', chartId: chart.id });
}

async function view(chart: PlanChart): Promise<void> {
  accepted('charts.get', await callApi(app, 'charts.get', { chartId: chart.id }));
  ack({ kind: 'charts.get', chartId: chart.id });
  const documentId = pick(chart.documents);
  if (!documentId) return;
  accepted('documents.get', await callApi(app, 'documents.get', { chartId: chart.id, documentId }));
  ack({ kind: 'documents.get', chartId: chart.id, documentId });
}

async function relock(): Promise<void> {
  accepted('session.lock', await callApi(app, 'session.lock', {}));
  ack({ kind: 'session.lock' });
  await unlock();
}

async function demo(): Promise<void> {
  accepted('demo.load', await callApi(app, 'demo.load', {}));
  ack({ kind: 'demo.load' });
}

/** One random step; weights favour saves, the commonest write. */
async function step(): Promise<void> {
  const chart = anyChart();
  const roll = random();
  if (!chart || roll < 0.03) return demo();
  if (roll < 0.4) return save(chart);
  if (roll < 0.47) return submit(chart);
  if (roll < 0.6) return hold(chart);
  if (roll < 0.73) return release();
  if (roll < 0.93) return view(chart);
  return relock();
}

await unlock();
say(READY);
for (;;) await step();
