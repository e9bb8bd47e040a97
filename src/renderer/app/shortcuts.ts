/** Every keyboard shortcut, listed once for the help panel and the screens' hint lines. */
import type { Shortcut } from '../components/ShortcutList';

export const GLOBAL_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+Shift+L', does: 'Lock CodeDesk' },
  { keys: '?', does: 'Show or hide this help' },
];

export const QUEUE_SHORTCUTS: readonly Shortcut[] = [
  { keys: '↑ / ↓', does: 'Move the selected chart' },
  { keys: 'Page Up / Page Down', does: 'Move a screenful' },
  { keys: 'Enter', does: 'Open the selected chart' },
  { keys: '/', does: 'Search the queue' },
  { keys: 'Enter in search', does: 'Open the only match; with several, go to the list' },
];

export const CHART_SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Alt+N', does: 'Next chart' },
  { keys: 'Ctrl+Enter', does: 'Submit the chart', hint: 'submit' },
  { keys: 'Ctrl+F', does: 'Find in chart (Enter / Shift+Enter: next / previous match)' },
  { keys: 'Ctrl+K', does: 'Search codes' },
  { keys: '↑ / ↓, Enter', does: 'Move in code results, add the code' },
  { keys: 'Alt+↑ / Alt+↓', does: 'Move the focused code up or down', hint: 'move code' },
  { keys: 'Y / N / U / W / 1', does: 'Set POA on the focused diagnosis (inpatient)', hint: 'POA' },
  { keys: 'Alt+T', does: 'Browse the Tabular List', hint: 'Tabular List' },
  { keys: 'Alt+P', does: 'ICD-10-PCS builder' },
  { keys: 'Alt+D', does: 'Neoplasm and Drug tables', hint: 'Neoplasm/Drug tables' },
  { keys: 'Alt+C', does: 'Hide or show the code detail', hint: 'code detail' },
  { keys: 'Esc', does: 'Back to the queue', hint: 'queue' },
];
