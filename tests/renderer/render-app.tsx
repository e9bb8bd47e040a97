/** Renders the whole renderer over a fake API with sensible defaults for an unlocked coder. */
import { render } from '@testing-library/react';
import { App } from '../../src/renderer/app/App';
import { useRoute } from '../../src/renderer/app/route-store';
import { DEFAULT_CHART_LAYOUT } from '../../src/shared/layout';
import { installFakeApi, type FakeApi, type Handlers } from './fake-api';
import { chartDetail, coderProfile, docs, hits, lockedStatus, rows, unlockedStatus } from './fixtures';

export function baseHandlers(totalCharts = 3): Handlers {
  return {
    'session.status': () => unlockedStatus,
    'profiles.list': () => [coderProfile],
    'session.unlock': () => unlockedStatus,
    'session.lock': () => lockedStatus,
    'session.activity': () => ({ lockInSeconds: 900 }),
    'codes.versions': () => [],
    'charts.list': (input) => {
      const offset = input.offset ?? 0;
      const limit = input.limit ?? 100;
      return { rows: rows(offset + 1, Math.max(0, Math.min(limit, totalCharts - offset))), total: totalCharts };
    },
    'charts.get': ({ chartId }) => chartDetail({ id: chartId }),
    'documents.get': ({ documentId }) => {
      const doc = docs.find((d) => d.id === documentId);
      if (!doc) throw new Error(`no document ${documentId}`);
      return doc;
    },
    'coding.get': () => ({ coding: { diagnoses: [], procedures: [] }, revision: 1 }),
    'coding.save': ({ revision }) => ({ revision: revision + 1 }),
    'coding.validate': () => [],
    'codes.search': ({ query }) => ({ query, results: hits }),
    'preferences.get': () => ({ chartLayout: DEFAULT_CHART_LAYOUT }),
    'preferences.set': ({ chartLayout }) => ({ chartLayout }),
    // The code detail follows the highlighted result: a plain detail unless a test says more.
    'codes.show': ({ code }) => {
      const hit = hits.find((h) => h.code === code);
      return {
        system: 'icd10cm',
        code,
        title: hit?.title ?? `Title of ${code}`,
        billable: hit?.billable ?? true,
        version: { label: 'FY2026', isDemo: false },
        hierarchy: [],
        notes: [],
        sevenChr: null,
        notesSource: null,
        children: [],
      };
    },
  };
}

export function renderApp(overrides: Handlers = {}, totalCharts = 3): FakeApi & ReturnType<typeof render> {
  const api = installFakeApi({ ...baseHandlers(totalCharts), ...overrides });
  const utils = render(<App />);
  return Object.assign(utils, api);
}

/** Starts on the chart screen of `chartId`. */
export function renderChart(overrides: Handlers = {}, chartId = 'C-00001') {
  useRoute.getState().openChart(chartId);
  return renderApp(overrides);
}
