/**
 * Chart screen keys: Alt+N next, Ctrl+Enter submit, Ctrl+F find, Ctrl+K code search, Alt+T
 * Tabular List, Alt+P PCS builder, Alt+D Neoplasm/Drug tables, Esc back.
 */
import { useEffect } from 'react';
import { isAltLetter, isModalOpen, isPrimaryModifier } from '../../lib/keys';
import { CODE_SEARCH_ID } from '../coding/CodePicker';
import { useEncoderUi, type EncoderDialog } from '../encoder/encoder-ui';
import { useFind } from '../find/find-store';
import { useWorkflow } from './workflow-store';

const TOOL_KEYS: readonly (readonly [string, EncoderDialog])[] = [
  ['t', 'tree'],
  ['p', 'pcs'],
  ['d', 'tables'],
];

export function useChartShortcuts(chartId: string, opts: { readOnly: boolean; onBack(): void }): void {
  const { readOnly, onBack } = opts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Inner widgets (dialogs, search boxes) consume their own Escape / Enter first.
      if (event.defaultPrevented || isModalOpen()) return;
      const tool = readOnly ? undefined : TOOL_KEYS.find(([letter]) => isAltLetter(event, letter));
      if (tool) {
        event.preventDefault();
        useEncoderUi.getState().show(tool[1]);
      } else if (isAltLetter(event, 'n')) {
        event.preventDefault();
        void useWorkflow.getState().next(chartId);
      } else if (isPrimaryModifier(event) && event.key === 'Enter') {
        event.preventDefault();
        if (!readOnly) void useWorkflow.getState().submit(chartId);
      } else if (isPrimaryModifier(event) && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        useFind.getState().requestFocus();
      } else if (isPrimaryModifier(event) && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        const box = document.getElementById(CODE_SEARCH_ID);
        if (box instanceof HTMLInputElement) {
          box.focus();
          box.select(); // typing replaces the last search
        }
      } else if (event.key === 'Escape' && !event.altKey && !isPrimaryModifier(event)) {
        event.preventDefault();
        onBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chartId, readOnly, onBack]);
}
