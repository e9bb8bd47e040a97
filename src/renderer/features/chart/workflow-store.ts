/**
 * Chart workflow: submit, hold, release, next. Each first stores the draft, so a chart never
 * leaves the screen with unsaved codes.
 */
import { create } from 'zustand';
import type { HoldReason, ValidationProblem } from '../../../shared/domain';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';
import { useRoute } from '../../app/route-store';
import { useCoding } from '../coding/coding-store';
import { nextInQueue } from '../queue/queue-walk';
import { useChart } from './chart-store';

export type WorkflowAction = 'submit' | 'hold' | 'release' | 'next' | 'back';

interface WorkflowData {
  busy: WorkflowAction | null;
  /** Problems that blocked the last submit (shown prominently). */
  blocked: ValidationProblem[] | null;
  error: string | null;
}

interface WorkflowActions {
  /** Submits; `acknowledgedWarnings` are the keys (problemKey) of warnings the coder reviewed. */
  submit(chartId: string, acknowledgedWarnings?: string[]): Promise<void>;
  hold(chartId: string, reason: HoldReason, note: string): Promise<boolean>;
  release(chartId: string): Promise<void>;
  /** Opens the chart after this one in the queue as the coder sorted and filtered it. */
  next(chartId: string, notice?: string): Promise<void>;
  /** Back to the queue; a failed save keeps the coder here unless asked twice. */
  back(): Promise<void>;
  dismiss(): void;
}

const initial: WorkflowData = { busy: null, blocked: null, error: null };

const LEAVE_UNSAVED = 'Your latest codes could not be saved. Press Esc again to leave without them, or stay and try again.';
const SAVE_FAILED = 'Your latest codes could not be saved yet, so the chart stays open. Check the message above the codes.';

export const useWorkflow = create<WorkflowData & WorkflowActions>()((set, get) => ({
  ...initial,

  async submit(chartId, acknowledgedWarnings = []) {
    if (get().busy) return;
    set({ busy: 'submit', blocked: null, error: null });
    if (!(await useCoding.getState().flush())) {
      set({ busy: null, error: SAVE_FAILED });
      return;
    }
    const result = await call('charts.submit', { chartId, acknowledgedWarnings });
    if (!result.ok) {
      set({ busy: null, error: describeError(result.error) });
      return;
    }
    if (!result.value.submitted) {
      set({ busy: null, blocked: result.value.problems });
      return;
    }
    set({ busy: null });
    const as = result.value.version > 1 ? ` as v${result.value.version}` : '';
    await get().next(chartId, `Chart ${chartId} submitted${as}.`);
  },

  async hold(chartId, reason, note) {
    if (get().busy) return false;
    set({ busy: 'hold', error: null });
    if (!(await useCoding.getState().flush())) {
      set({ busy: null, error: SAVE_FAILED });
      return false;
    }
    const result = await call('charts.hold', { chartId, reason, note });
    if (!result.ok) {
      set({ busy: null, error: describeError(result.error) });
      return false;
    }
    useChart.getState().setDetail(result.value);
    set({ busy: null });
    await get().next(chartId, `Chart ${chartId} put on hold.`);
    return true;
  },

  async release(chartId) {
    if (get().busy) return;
    set({ busy: 'release', error: null });
    const result = await call('charts.release', { chartId });
    if (!result.ok) {
      set({ busy: null, error: describeError(result.error) });
      return;
    }
    useChart.getState().setDetail(result.value);
    set({ busy: null });
  },

  async next(chartId, notice) {
    if (get().busy && get().busy !== 'next') return;
    set({ busy: 'next', error: null });
    if (!(await useCoding.getState().flush())) {
      set({ busy: null, error: SAVE_FAILED });
      return;
    }
    const outcome = await nextInQueue(chartId);
    set({ busy: null, blocked: null });
    if (outcome.kind === 'error') {
      set({ error: outcome.message });
      return;
    }
    const { route, openChart, showQueue } = useRoute.getState();
    const lead = notice ? `${notice} ` : '';
    if (outcome.kind === 'end') {
      showQueue(`${lead}End of the queue: no more charts after ${chartId} in its current sort and filter.`);
    } else if (outcome.kind === 'missing') {
      showQueue(`${lead}Chart ${chartId} is not in the queue's current list, so it has no next chart. Choose one here.`);
    } else if (!(route.view === 'chart' && route.chartId === outcome.chartId)) {
      openChart(outcome.chartId, notice);
    }
  },

  async back() {
    if (get().busy) return;
    const leaveAnyway = get().error === LEAVE_UNSAVED;
    set({ busy: 'back' });
    const saved = await useCoding.getState().flush();
    set({ busy: null });
    if (!saved && !leaveAnyway) {
      set({ error: LEAVE_UNSAVED });
      return;
    }
    set({ error: null, blocked: null });
    useRoute.getState().showQueue();
  },

  dismiss() {
    set({ blocked: null, error: null });
  },
}));

registerStoreReset(() => useWorkflow.setState(initial), { holdsPhi: true });
// Not `busy`: the Next that opened the new chart may still be finishing.
registerChartReset(() => useWorkflow.getState().dismiss());
