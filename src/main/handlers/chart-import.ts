/** Charts from hospital exports: the import (batches audited inside their transactions) and applying a source change. */
import { getChart } from '../services/charts/detail';
import { transaction } from '../services/db/transaction';
import { DEFAULT_READ_OPTIONS } from '../services/interchange/incoming';
import { applySourceChange } from '../services/interchange/ingest/apply-source-change';
import { importCharts } from '../services/interchange/ingest/import-charts';
import type { HandlerTable } from './types';

export const chartImportHandlers: HandlerTable<'charts.import' | 'charts.applySourceChanges'> = {
  'charts.import': async (input, app) => {
    const s = app.requireSession();
    try {
      return await importCharts(s.db, input.paths, {
        read: { ...DEFAULT_READ_OPTIONS, ...(input.ambulatorySetting ? { ambulatorySetting: input.ambulatorySetting } : {}) },
        now: app.now,
        assignee: s.profile.displayName,
        onProgress: (p) => app.events.emit('charts.import.progress', p),
        // Inside each batch's transaction: the batch and its entry commit together.
        audit: (batch) => app.audit('charts.import', null, { ...batch }),
      });
    } finally {
      // Batches committed before a failure are in the queue too.
      app.events.emit('charts.changed', { chartId: null });
    }
  },
  'charts.applySourceChanges': (input, app) => {
    const s = app.requireSession();
    transaction(s.db, () => {
      const change = applySourceChange(s.db, input.chartId, app.now().toISOString());
      // Field names and counts only: the values are the patient's.
      app.audit('chart.source_apply', input.chartId, { ...change });
    });
    app.events.emit('charts.changed', { chartId: input.chartId });
    return getChart(s.db, input.chartId);
  },
};
