/** Screen preferences: pane widths (not PHI), per user, unaudited by design. */
import { readChartLayout, writeChartLayout } from '../services/workspace/preferences';
import type { HandlerTable } from './types';

export const preferenceHandlers: HandlerTable<'preferences.get' | 'preferences.set'> = {
  'preferences.get': (_input, app) => ({ chartLayout: readChartLayout(app.requireSession().db) }),
  'preferences.set': (input, app) => ({ chartLayout: writeChartLayout(app.requireSession().db, input.chartLayout) }),
};
