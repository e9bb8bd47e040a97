/**
 * Queue, chart, documents, coding, submit, hold. Each PHI access is on the audit trail, and
 * each change commits in one transaction with its audit entry: both or neither.
 */
import { assertNotAuditing } from '../services/audits/audits';
import { AppFailure } from '../../shared/result';
import { openQueries } from '../services/queries/queries';
import { getChart, getDocument } from '../services/charts/detail';
import { getCoding, saveCoding } from '../services/charts/coding';
import { loadDemoCharts } from '../services/charts/demo';
import { listCharts } from '../services/charts/queue';
import { holdChart, releaseChart, submitChart, validateChart } from '../services/charts/status';
import { listVersions, reopenChart } from '../services/charts/versions';
import { loadDemoCodes } from '../services/codesets/demo-codes';
import { loadDemoEditTables } from '../services/codesets/demo-edits';
import path from 'node:path';
import { transaction } from '../services/db/transaction';
import type { HandlerTable } from './types';

type ChartMethods =
  | 'demo.load'
  | 'charts.list'
  | 'charts.get'
  | 'documents.get'
  | 'coding.get'
  | 'coding.save'
  | 'coding.validate'
  | 'charts.submit'
  | 'charts.hold'
  | 'charts.release'
  | 'charts.reopen'
  | 'charts.versions';

export const chartHandlers: HandlerTable<ChartMethods> = {
  'demo.load': async (_input, app) => {
    const s = app.requireSession();
    const codes = loadDemoCodes(app.content(), path.join(app.resourcesDir, 'demo', 'codes'));
    const editRows = await loadDemoEditTables(app.content(), path.join(app.resourcesDir, 'demo', 'edits'));
    const charts = transaction(s.db, () => {
      const added = loadDemoCharts(s.db, app.resourcesDir, s.profile.displayName, app.now());
      app.audit('demo.load', null, { charts: added, codes, editRows });
      return added;
    });
    app.events.emit('charts.changed', { chartId: null });
    return { charts, codes, editRows };
  },
  'charts.list': (input, app) => listCharts(app.requireSession().db, input),
  'charts.get': (input, app) =>
    transaction(app.requireSession().db, () => {
      const chart = getChart(app.requireSession().db, input.chartId);
      app.audit('chart.open', input.chartId);
      return chart;
    }),
  'documents.get': (input, app) =>
    transaction(app.requireSession().db, () => {
      const doc = getDocument(app.requireSession().db, input.chartId, input.documentId);
      app.audit('document.view', input.chartId, { documentId: input.documentId });
      return doc;
    }),
  'coding.get': (input, app) => getCoding(app.requireSession().db, input.chartId),
  'coding.save': (input, app) => {
    const s = app.requireSession();
    return transaction(s.db, () => {
      assertNotAuditing(s.db, input.chartId, s.profile.id);
      const { revision, change } = saveCoding(s.db, {
        chartId: input.chartId,
        coding: input.coding,
        revision: input.revision,
        userId: s.profile.id,
        at: app.now().toISOString(),
      });
      if (change.added.length || change.removed.length || change.reordered) {
        app.audit('coding.change', input.chartId, { ...change, revision });
      }
      return { revision };
    });
  },
  'coding.validate': (input, app) => validateChart(app.requireSession().db, app.content(), input.chartId),
  'charts.submit': (input, app) => {
    const s = app.requireSession();
    const outcome = transaction(s.db, () => {
      assertNotAuditing(s.db, input.chartId, s.profile.id);
      if (openQueries(s.db, input.chartId) > 0) {
        throw new AppFailure('CONFLICT', 'A physician query on this chart is waiting for its answer: record the answer or cancel the query before submitting.');
      }
      const result = submitChart(s.db, app.content(), {
        chartId: input.chartId,
        userId: s.profile.id,
        deviceId: app.deviceId,
        at: app.now().toISOString(),
        acknowledgedWarnings: input.acknowledgedWarnings,
      });
      const warnings = result.problems.filter((p) => p.severity === 'warning').map((p) => p.rule);
      const errors = result.problems.filter((p) => p.severity === 'error').map((p) => p.rule);
      // Submitted with warnings: the acknowledgement itself is on the record.
      app.audit(
        result.submitted ? 'chart.submit' : 'chart.submit_blocked',
        input.chartId,
        result.submitted ? { version: result.version, acknowledgedWarnings: warnings } : { rules: errors.length ? errors : warnings },
      );
      return result;
    });
    app.events.emit('charts.changed', { chartId: input.chartId });
    return outcome.submitted ? { submitted: true, problems: outcome.problems, version: outcome.version } : { submitted: false, problems: outcome.problems };
  },
  'charts.hold': (input, app) => {
    const s = app.requireSession();
    transaction(s.db, () => {
      holdChart(s.db, { ...input, at: app.now().toISOString() });
      // The note may hold clinical detail: the audit records the reason only.
      app.audit('chart.hold', input.chartId, { reason: input.reason });
    });
    app.events.emit('charts.changed', { chartId: input.chartId });
    return getChart(s.db, input.chartId);
  },
  'charts.release': (input, app) => {
    const s = app.requireSession();
    transaction(s.db, () => {
      releaseChart(s.db, { chartId: input.chartId, at: app.now().toISOString() });
      app.audit('chart.release', input.chartId);
    });
    app.events.emit('charts.changed', { chartId: input.chartId });
    return getChart(s.db, input.chartId);
  },
  'charts.reopen': (input, app) => {
    const s = app.requireSession();
    transaction(s.db, () => {
      assertNotAuditing(s.db, input.chartId, s.profile.id);
      const { version, fromVersion } = reopenChart(s.db, {
        ...input,
        userId: s.profile.id,
        assignee: s.profile.displayName,
        deviceId: app.deviceId,
        at: app.now().toISOString(),
      });
      // The note may hold clinical detail: the audit records the reason kind and the versions only.
      app.audit('chart.reopen', input.chartId, { reason: input.reason, fromVersion, version });
    });
    app.events.emit('charts.changed', { chartId: input.chartId });
    return getChart(s.db, input.chartId);
  },
  'charts.versions': (input, app) => listVersions(app.requireSession().db, input.chartId),
};
