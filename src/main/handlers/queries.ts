/** Physician queries: compose, send (linted), answer, cancel, close, export; each change with its audit entry. */
import type { QueryChange, QueryRecord } from '../../shared/query-records';
import type { CodeDeskApp } from '../app';
import { transaction } from '../services/db/transaction';
import { answerQuery, cancelQuery, chartHold, closeQuery, getQuery, listQueries, saveDraft, sendQuery } from '../services/queries/queries';
import { queryExportRecord, renderQuery, writeQueryFile } from '../services/queries/query-export';
import type { HandlerTable } from './types';

type Methods = 'queries.list' | 'queries.save' | 'queries.send' | 'queries.answer' | 'queries.cancel' | 'queries.close' | 'queries.export';

/** Runs a query change and its audit entry in one transaction, then tells the queue (the chart's hold may have changed). */
function change(app: CodeDeskApp, fn: () => QueryRecord): QueryChange {
  const s = app.requireSession();
  const query = transaction(s.db, fn);
  app.events.emit('charts.changed', { chartId: query.chartId });
  return { query, chart: chartHold(s.db, query.chartId) };
}

export const queryHandlers: HandlerTable<Methods> = {
  'queries.list': (input, app) => listQueries(app.requireSession().db, input.chartId),
  'queries.save': (input, app) => {
    const s = app.requireSession();
    return transaction(s.db, () => {
      const q = saveDraft(s.db, { id: input.id ?? null, draft: input.draft, userId: s.profile.id, at: app.now().toISOString() });
      app.audit('query.draft', q.chartId, { queryId: q.id, topic: q.draft.topic, format: q.draft.format, indicators: q.draft.indicators.length });
      return q;
    });
  },
  'queries.send': (input, app) => {
    const s = app.requireSession();
    return change(app, () => {
      const { query, firstForChart } = sendQuery(s.db, input.id, app.now().toISOString());
      app.audit('query.send', query.chartId, { queryId: query.id, topic: query.draft.topic, format: query.draft.format, firstForChart });
      return query;
    });
  },
  'queries.answer': (input, app) => {
    const s = app.requireSession();
    return change(app, () => {
      const { query, hoursSinceSent } = answerQuery(s.db, input.id, input.answer, app.now().toISOString());
      app.audit('query.answer', query.chartId, { queryId: query.id, kind: input.answer.kind, agreed: input.answer.agreed, hoursSinceSent });
      return query;
    });
  },
  'queries.cancel': (input, app) => {
    const s = app.requireSession();
    return change(app, () => {
      const query = cancelQuery(s.db, input.id, app.now().toISOString());
      app.audit('query.cancel', query.chartId, { queryId: query.id });
      return query;
    });
  },
  'queries.close': (input, app) => {
    const s = app.requireSession();
    return change(app, () => {
      const query = closeQuery(s.db, input.id, app.now().toISOString());
      app.audit('query.close', query.chartId, { queryId: query.id });
      return query;
    });
  },
  'queries.export': (input, app) => {
    const s = app.requireSession();
    const q = getQuery(s.db, input.id);
    const text = renderQuery(queryExportRecord(s.db, q), input.format, app.now());
    return writeQueryFile(text, input.path, (bytes, sha256) => app.audit('query.export', q.chartId, { queryId: q.id, format: input.format, bytes, sha256 }));
  },
};
