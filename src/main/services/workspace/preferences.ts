/**
 * The user's screen preferences, in their own workspace's settings table (so they follow the
 * profile across sessions and restarts; the browser host's origin changes with its port, so
 * browser storage would not). Pane widths are not PHI and not audited.
 */
import { clampLayout, chartLayoutSchema, DEFAULT_CHART_LAYOUT, type ChartLayout } from '../../../shared/layout';
import type { WorkspaceDb } from '../db/handles';
import { run, value } from '../db/rows';

const CHART_LAYOUT_KEY = 'ui.chart_layout';

/** The saved layout, or the default when none is saved or the saved one no longer parses. */
export function readChartLayout(db: WorkspaceDb): ChartLayout {
  const raw = value<string>(db, 'SELECT value FROM settings WHERE key = ?', CHART_LAYOUT_KEY);
  if (raw === undefined) return DEFAULT_CHART_LAYOUT;
  try {
    const parsed = chartLayoutSchema.safeParse(JSON.parse(raw));
    return parsed.success ? clampLayout(parsed.data) : DEFAULT_CHART_LAYOUT;
  } catch {
    return DEFAULT_CHART_LAYOUT;
  }
}

export function writeChartLayout(db: WorkspaceDb, layout: ChartLayout): ChartLayout {
  const kept = clampLayout(layout);
  run(db, 'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', CHART_LAYOUT_KEY, JSON.stringify(kept));
  return kept;
}
