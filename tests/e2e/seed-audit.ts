/**
 * An auditor's starting point, made through the real API on a real home: Ada Auditor (the demo
 * charts) sends three charts to Dana Coder, who codes and submits them from the demo answer keys
 * and returns the result, which Ada applies. Run as a script: `tsx tests/e2e/seed-audit.ts HOME`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { callApi } from '../../src/main/api';
import { CodeDeskApp } from '../../src/main/app';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import { problemKey, type Coding } from '../../src/shared/domain';
import { PASSPHRASE } from './steps';

const REPO = path.resolve(import.meta.dirname, '..', '..');
export const AUDIT_CHARTS = ['ED-260301', 'IP-260102', 'PF-260401'];

async function must<M extends MethodName>(app: CodeDeskApp, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await callApi(app, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export async function seedAudit(home: string): Promise<void> {
  const dir = path.join(REPO, 'resources', 'demo');
  const key = { ...JSON.parse(fs.readFileSync(path.join(dir, 'answer-key-a.json'), 'utf8')), ...JSON.parse(fs.readFileSync(path.join(dir, 'answer-key-b.json'), 'utf8')) } as Record<string, Coding>;
  const app = (): CodeDeskApp => new CodeDeskApp({ home, resourcesDir: path.join(REPO, 'resources') });
  const ada = app();
  const adaId = (await must(ada, 'profiles.create', { displayName: 'Ada Auditor', role: 'auditor', passphrase: PASSPHRASE })).profile.id;
  await must(ada, 'demo.load', {});
  const dana = app();
  const danaId = (await must(dana, 'profiles.create', { displayName: 'Dana Coder', role: 'coder', passphrase: PASSPHRASE })).profile.id;
  const work = path.join(home, 'seed-work.cdpkg');
  await must(ada, 'packages.create', { chartIds: AUDIT_CHARTS, recipientId: danaId, expiresDays: 30, path: work });
  await must(dana, 'packages.open', { path: work });
  for (const chartId of AUDIT_CHARTS) {
    const { revision } = await must(dana, 'coding.get', { chartId });
    await must(dana, 'coding.save', { chartId, revision, coding: key[chartId]! });
    const first = await must(dana, 'charts.submit', { chartId });
    if (!first.submitted) await must(dana, 'charts.submit', { chartId, acknowledgedWarnings: first.problems.filter((p) => p.severity === 'warning').map(problemKey) });
  }
  const result = path.join(home, 'seed-result.cdpkg');
  await must(dana, 'packages.result', { recipientId: adaId, expiresDays: 30, path: result });
  await must(ada, 'packages.apply', { path: result });
  dana.close();
  ada.close();
}

if (process.argv[2]) await seedAudit(process.argv[2]);
