/** Submitted charts in a real encrypted workspace, for the export tests. */
import { expect } from 'vitest';
import type { CodeDeskApp } from '../../../src/main/app';
import { problemKey, type Coding } from '../../../src/shared/domain';
import { must } from '../helpers/app';
import { RESOURCES } from '../helpers/temp';
import { answerKey } from '../fault/chart-copies';

export const EXPORT_PASSPHRASE = 'vellum otter quarry lantern';
export const ANSWERS = answerKey(RESOURCES);

/** Saves the coding (the demo answer by default) and submits it, acknowledging its warnings. */
export async function submitCoded(app: CodeDeskApp, chartId: string, coding: Coding = ANSWERS.get(chartId)!): Promise<number> {
  const { revision } = await must(app, 'coding.get', { chartId });
  await must(app, 'coding.save', { chartId, revision, coding });
  const problems = await must(app, 'coding.validate', { chartId });
  const acknowledgedWarnings = problems.filter((p) => p.severity === 'warning').map(problemKey);
  const out = await must(app, 'charts.submit', { chartId, acknowledgedWarnings });
  expect(out, `${chartId}: ${out.problems.filter((p) => p.severity === 'error').map((p) => p.rule).join(', ')}`).toMatchObject({ submitted: true });
  return out.submitted ? out.version : 0;
}

/** Marks a chart as imported from a FHIR export (as the ingest records it). */
export function markImported(app: CodeDeskApp, chartId: string, source: { encounter: string; patient: string | null; facility?: string }): void {
  app.session!.db
    .prepare(
      `INSERT INTO chart_sources(chart_id, source_key, format, source_ref, patient_ref, facility, content_hash, first_imported_at, last_imported_at)
       VALUES (?, ?, 'fhir', ?, ?, ?, 'h', '2026-08-01T00:00:00Z', '2026-08-01T00:00:00Z')`,
    )
    .run(chartId, `fhir:${source.encounter}`, source.encounter, source.patient, source.facility ?? null);
}

export const auditDetails = (app: CodeDeskApp, action: string): Record<string, unknown>[] =>
  (app.session!.db.prepare('SELECT detail_json FROM audit_log WHERE action = ? ORDER BY seq').pluck().all(action) as string[]).map(
    (d) => JSON.parse(d) as Record<string, unknown>,
  );
