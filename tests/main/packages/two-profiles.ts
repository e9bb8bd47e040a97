/** A lead (supervisor, with the demo charts) and a coder on one computer, each with a real encrypted workspace. */
import path from 'node:path';
import type { CodeDeskApp } from '../../../src/main/app';
import type { Coding } from '../../../src/shared/domain';
import { must, PASSPHRASE, testApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

export interface TwoProfiles {
  home: string;
  files: string;
  lead: CodeDeskApp;
  coder: CodeDeskApp;
  leadId: string;
  coderId: string;
}

/** `leadRole` auditor: a lead who also codes, so a chart can change at home while it is out. */
export async function twoProfiles(home = tempDir('codedesk-pkg-'), leadRole: 'supervisor' | 'auditor' = 'supervisor', now?: () => Date): Promise<TwoProfiles> {
  const lead = testApp(home, now);
  const leadId = (await must(lead, 'profiles.create', { displayName: 'Lee Lead', role: leadRole, passphrase: PASSPHRASE })).profile.id;
  await must(lead, 'demo.load', {});
  const coder = testApp(home, now);
  const coderId = (await must(coder, 'profiles.create', { displayName: 'Dana Coder', role: 'coder', passphrase: PASSPHRASE })).profile.id;
  return { home, files: tempDir('codedesk-pkg-files-'), lead, coder, leadId, coderId };
}

export const file = (t: TwoProfiles, name: string): string => path.join(t.files, name);

export const CHARTS = ['IP-260102', 'ED-260301', 'PF-260401'];
export const IP_CODING: Coding = { diagnoses: [{ code: 'I21.4', poa: 'Y' }], procedures: [] };

/** Saves a coding (from the chart's current revision) and submits it. */
export async function codeAndSubmit(app: CodeDeskApp, chartId: string, coding: Coding): Promise<void> {
  const { revision } = await must(app, 'coding.get', { chartId });
  await must(app, 'coding.save', { chartId, revision, coding });
  const outcome = await must(app, 'charts.submit', { chartId });
  if (!outcome.submitted) throw new Error(`submit refused: ${outcome.problems.map((p) => p.message).join('; ')}`);
}

export async function saveCoding(app: CodeDeskApp, chartId: string, coding: Coding): Promise<void> {
  const { revision } = await must(app, 'coding.get', { chartId });
  await must(app, 'coding.save', { chartId, revision, coding });
}

/** A package from the lead to the coder with `charts`, written to `name`. */
export async function sendWork(t: TwoProfiles, name = 'work.cdpkg', charts = CHARTS, expiresDays = 14): Promise<string> {
  const out = file(t, name);
  await must(t.lead, 'packages.create', { chartIds: charts, recipientId: t.coderId, expiresDays, path: out });
  return out;
}
