/** The demo answer keys, and a coder submitting them (acknowledging warnings). */
import fs from 'node:fs';
import path from 'node:path';
import { problemKey, type Coding } from '../../../src/shared/domain';
import type { CodeDeskApp } from '../../../src/main/app';
import { must } from '../helpers/app';
import { RESOURCES } from '../helpers/temp';

export const KEY = {
  ...JSON.parse(fs.readFileSync(path.join(RESOURCES, 'demo', 'answer-key-a.json'), 'utf8')),
  ...JSON.parse(fs.readFileSync(path.join(RESOURCES, 'demo', 'answer-key-b.json'), 'utf8')),
} as Record<string, Coding>;
export const CHARTS = ['IP-260102', 'ED-260301', 'PF-260401'];

export async function submitKey(app: CodeDeskApp, chartId: string): Promise<void> {
  const { revision } = await must(app, 'coding.get', { chartId });
  await must(app, 'coding.save', { chartId, revision, coding: KEY[chartId]! });
  const first = await must(app, 'charts.submit', { chartId });
  if (!first.submitted) {
    const again = await must(app, 'charts.submit', { chartId, acknowledgedWarnings: first.problems.filter((p) => p.severity === 'warning').map(problemKey) });
    if (!again.submitted) throw new Error(`submit refused: ${again.problems.map((p) => p.message).join('; ')}`);
  }
}
