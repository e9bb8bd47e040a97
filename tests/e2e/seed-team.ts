/**
 * A team's fortnight, made through the real API on a real home: Lee Lead (supervisor, the demo
 * charts) sends work packages to three coders; each codes a chart or two a day from the demo
 * answer keys (opening it, working on it for a recorded while, submitting; now and then a hold),
 * returns a result package, and the lead applies them. Run as a script before the browser host
 * unlocks: `tsx tests/e2e/seed-team.ts HOME`. Ends at the real time now, so the screen's
 * "last 7/30 days" show it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { callApi } from '../../src/main/api';
import { CodeDeskApp } from '../../src/main/app';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import { problemKey, type Coding } from '../../src/shared/domain';
import { PASSPHRASE } from './steps';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const DAYS = 14;
const CODERS = ['Dana Coder', 'Ravi Coder', 'Mei Coder'];

async function must<M extends MethodName>(app: CodeDeskApp, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await callApi(app, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function answers(): Record<string, Coding> {
  const dir = path.join(REPO, 'resources', 'demo');
  return { ...JSON.parse(fs.readFileSync(path.join(dir, 'answer-key-a.json'), 'utf8')), ...JSON.parse(fs.readFileSync(path.join(dir, 'answer-key-b.json'), 'utf8')) } as Record<string, Coding>;
}

export async function seedTeam(home: string): Promise<void> {
  const end = Date.now();
  let t = end - DAYS * 86_400_000;
  const clock = () => new Date(t);
  const app = (): CodeDeskApp => new CodeDeskApp({ home, resourcesDir: path.join(REPO, 'resources'), now: clock });
  const key = answers();
  const chartIds = Object.keys(key).sort();

  const lead = app();
  const leadId = (await must(lead, 'profiles.create', { displayName: 'Lee Lead', role: 'supervisor', passphrase: PASSPHRASE })).profile.id;
  await must(lead, 'demo.load', {});
  const coders: { name: string; app: CodeDeskApp; charts: string[] }[] = [];
  for (const [i, name] of CODERS.entries()) {
    const coder = app();
    const id = (await must(coder, 'profiles.create', { displayName: name, role: 'coder', passphrase: PASSPHRASE })).profile.id;
    const charts = chartIds.filter((_, n) => n % CODERS.length === i).slice(0, 15);
    const file = path.join(home, `work-${i}.cdpkg`);
    await must(lead, 'packages.create', { chartIds: charts, recipientId: id, expiresDays: 30, path: file });
    await must(coder, 'packages.open', { path: file });
    coders.push({ name, app: coder, charts });
  }

  for (let day = 0; day < DAYS; day += 1) {
    for (const [i, coder] of coders.entries()) {
      t = end - (DAYS - day) * 86_400_000 + (9 + i) * 3_600_000;
      const perDay = (day + i) % 6 === 0 ? 2 : 1;
      for (const chartId of coder.charts.splice(0, perDay)) {
        await must(coder.app, 'charts.get', { chartId });
        const minutes = 6 + ((day * 7 + i * 5) % 14);
        t += minutes * 60_000;
        await must(coder.app, 'activity.record', { chartId, activeSeconds: minutes * 60 - 20 });
        if ((day + i) % 5 === 4) {
          await must(coder.app, 'charts.hold', { chartId, reason: 'missing_documentation', note: 'Waiting for the operative report.' });
          continue;
        }
        const { revision } = await must(coder.app, 'coding.get', { chartId });
        await must(coder.app, 'coding.save', { chartId, revision, coding: key[chartId]! });
        const first = await must(coder.app, 'charts.submit', { chartId });
        if (!first.submitted) {
          const warnings = first.problems.filter((p) => p.severity === 'warning').map(problemKey);
          await must(coder.app, 'charts.submit', { chartId, acknowledgedWarnings: warnings });
        }
        t += 60_000;
      }
    }
  }
  t = end;
  for (const [i, coder] of coders.entries()) {
    const file = path.join(home, `result-${i}.cdpkg`);
    await must(coder.app, 'packages.result', { recipientId: leadId, expiresDays: 30, path: file });
    await must(lead, 'packages.apply', { path: file });
    coder.app.close();
  }
  lead.close();
}

if (process.argv[2]) await seedTeam(process.argv[2]);
