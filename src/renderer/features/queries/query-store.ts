/**
 * The open chart's physician queries: the list, the draft being composed (from a template or
 * from scratch), and the actions that move a query along. Holds clinical text: reset on lock
 * and whenever another chart opens.
 */
import { create } from 'zustand';
import type { QueryAnswer, QueryDraft } from '../../../shared/queries';
import type { QueryChange, QueryExportFormat, QueryRecord } from '../../../shared/query-records';
import { draftFromTemplate } from '../../../shared/query-templates';
import type { QueryTemplateId } from '../../../shared/queries';
import type { Result } from '../../../shared/result';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { statusCall } from '../../lib/status-call';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';
import { useChart } from '../chart/chart-store';

interface QueryState {
  open: boolean;
  chartId: string | null;
  queries: QueryRecord[];
  /** The draft on screen and the saved query it edits (null: not saved yet). */
  draft: QueryDraft | null;
  editingId: string | null;
  busy: boolean;
  error: string | null;
  notice: string | null;
  /** The chart opened: its queries load (the header counts those waiting); the panel stays as it was. */
  attach(chartId: string): Promise<void>;
  show(chartId: string): Promise<void>;
  hide(): void;
  load(): Promise<void>;
  compose(template: QueryTemplateId | 'custom', addressedTo: string): void;
  edit(query: QueryRecord): void;
  change(patch: Partial<QueryDraft>): void;
  discard(): void;
  saveDraft(): Promise<void>;
  saveAndSend(): Promise<void>;
  answer(id: string, answer: QueryAnswer): Promise<boolean>;
  cancel(id: string): Promise<void>;
  close(id: string): Promise<void>;
  exportAs(id: string, format: QueryExportFormat, path: string): Promise<void>;
}

/** The chart header shows the hold a query put on (or took off) the open chart. */
function showHold(change: QueryChange): void {
  const detail = useChart.getState().detail;
  if (detail?.id === change.query.chartId) useChart.getState().setDetail({ ...detail, ...change.chart });
}

const initial = { open: false, chartId: null, queries: [], draft: null, editingId: null, busy: false, error: null, notice: null };

export const useQueries = create<QueryState>()((set, get) => {
  /** Runs one call; on success reloads the list and says what happened. */
  const act = async <T,>(run: () => Promise<Result<T>>, notice: string): Promise<T | null> => {
    const value = await statusCall(set, run, notice);
    if (value !== null) await get().load();
    return value;
  };
  return {
    ...initial,
    async attach(chartId) {
      set({ chartId });
      await get().load();
    },
    async show(chartId) {
      set({ open: true, chartId });
      await get().load();
    },
    hide: () => set({ open: false }),
    async load() {
      const chartId = get().chartId;
      if (!chartId) return;
      const result = await call('queries.list', { chartId });
      if (result.ok && get().chartId === chartId) set({ queries: result.value });
      else if (!result.ok) set({ error: describeError(result.error) });
    },
    compose(template, addressedTo) {
      const chartId = get().chartId;
      if (!chartId) return;
      const draft: QueryDraft =
        template === 'custom'
          ? { chartId, topic: 'custom', question: '', format: 'open_ended', options: [], yesNoPurpose: null, indicators: [], addressedTo }
          : draftFromTemplate(template, chartId, addressedTo);
      set({ draft, editingId: null, error: null, notice: null });
    },
    edit: (query) => set({ draft: query.draft, editingId: query.id, error: null, notice: null }),
    change(patch) {
      const draft = get().draft;
      if (draft) set({ draft: { ...draft, ...patch } });
    },
    discard: () => set({ draft: null, editingId: null, error: null }),
    async saveDraft() {
      const { draft, editingId } = get();
      if (!draft) return;
      const saved = await act(() => call('queries.save', { ...(editingId ? { id: editingId } : {}), draft }), 'Draft saved.');
      if (saved) set({ editingId: saved.id });
    },
    async saveAndSend() {
      const { draft, editingId } = get();
      if (!draft) return;
      const saved = await act(() => call('queries.save', { ...(editingId ? { id: editingId } : {}), draft }), 'Draft saved.');
      if (!saved) return;
      set({ editingId: saved.id });
      const sent = await act(() => call('queries.send', { id: saved.id }), 'Query sent. The chart is on hold until the answer is recorded.');
      if (sent) {
        set({ draft: null, editingId: null });
        showHold(sent);
      }
    },
    async answer(id, answer) {
      const done = await act(() => call('queries.answer', { id, answer }), 'Answer recorded. The chart is back with you.');
      if (done) showHold(done);
      return done !== null;
    },
    async cancel(id) {
      const done = await act(() => call('queries.cancel', { id }), 'Query cancelled.');
      if (done) showHold(done);
    },
    async close(id) {
      await act(() => call('queries.close', { id }), 'Query closed.');
    },
    async exportAs(id, format, path) {
      await act(() => call('queries.export', { id, format, path }), `Written as ${format === 'hl7' ? 'HL7 v2 MDM^T02' : 'FHIR Communication'} to ${path}.`);
    },
  };
});

registerStoreReset(() => useQueries.setState(initial), { holdsPhi: true });
registerChartReset(() => useQueries.setState(initial));
