/** Productivity figures and their exports, scoped by role where the data is read. */
import type { ProductivityReport } from '../../shared/productivity';
import { AppFailure } from '../../shared/result';
import type { CodeDeskApp } from '../app';
import type { AccuracySummary } from '../../shared/accuracy';
import { checkRange, productivityReport, type ReportOptions } from '../services/activity/productivity';
import { accuracyReport } from '../services/audits/audits';
import { writeProductivity } from '../services/activity/productivity-export';
import { rows } from '../services/db/rows';
import { readUnitWeights } from '../services/workspace/settings';
import type { HandlerTable } from './types';

interface Range {
  from: string;
  to: string;
  coderId?: string | undefined;
}

/** A supervisor reads the team (or one coder); anyone else their own figures only. */
function reportFor(app: CodeDeskApp, input: Range, options?: ReportOptions): ProductivityReport {
  const s = app.requireSession();
  const self = s.profile;
  if (self.role !== 'supervisor' && input.coderId !== undefined && input.coderId !== self.id) {
    throw new AppFailure('FORBIDDEN', 'Only a supervisor sees another coder’s figures; you can see your own.');
  }
  const names = new Map(rows<{ profile_id: string; display_name: string }>(s.db, 'SELECT profile_id, display_name FROM pinned_cards').map((r) => [r.profile_id, r.display_name]));
  names.set(self.id, self.displayName);
  const userId = self.role === 'supervisor' ? (input.coderId ?? null) : self.id;
  checkRange(input);
  // Accuracy from the audits this workspace holds of the period's submissions (both measures, per coder).
  const audited = accuracyReport(s.db, { from: input.from, to: input.to, coderId: userId });
  const pair = (summary: AccuracySummary) => ({ codeLevel: summary.codeLevel.percent, recordLevel: summary.recordLevel.percent });
  return productivityReport(s.db, {
    accuracy: { team: pair(audited.team), byCoder: new Map(audited.byCoder.map((g) => [g.key, pair(g.summary)])) },
    from: input.from,
    to: input.to,
    userId,
    weights: readUnitWeights(s.db),
    names,
    assignee: userId === null ? null : (names.get(userId) ?? userId),
  }, options);
}

/** The team's roll-up from the hub this workspace is signed in to: the hub scopes it by role as reportFor does here. */
async function hubReport(app: CodeDeskApp, input: Range, everyRow = false): Promise<ProductivityReport> {
  checkRange(input);
  const query = { from: input.from, to: input.to, ...(input.coderId ? { userId: input.coderId } : {}), ...(everyRow ? { all: 'true' } : {}) };
  return app.hub.read<ProductivityReport>('/api/reports/productivity', query);
}

export const reportHandlers: HandlerTable<'reports.productivity' | 'reports.exportProductivity'> = {
  'reports.productivity': (input, app) => (input.source === 'hub' ? hubReport(app, input) : reportFor(app, input)),
  'reports.exportProductivity': async (input, app) => {
    const report = input.source === 'hub' ? await hubReport(app, input, true) : reportFor(app, input, { coderDaysLimit: null });
    const written = await writeProductivity(report, input.format, input.path, (w) =>
      app.audit('report.export', null, {
        report: 'productivity',
        source: input.source ?? 'workspace',
        format: w.format,
        from: input.from,
        to: input.to,
        coderId: input.coderId ?? null,
        rows: w.rows,
        bytes: w.bytes,
        sha256: w.sha256,
      }),
    );
    return { path: written.path, format: written.format, bytes: written.bytes, rows: written.rows };
  },
};
