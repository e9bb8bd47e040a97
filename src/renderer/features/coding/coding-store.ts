/**
 * The coder's draft for the open chart. Every edit schedules a save (debounced); saves run
 * one at a time with the last known revision, then the findings are refreshed. A CONFLICT
 * reloads the stored version. Unsaved edits caught by a lock are kept (codes and chart id
 * only, never shown) and saved once the same chart reopens after unlock. In an audit the same
 * editing works on the auditor's codes for the chart (audits.save / audits.validate).
 */
import { create } from 'zustand';
import type { CodeHit, Coding, CodedProcedure, PoaValue, ValidationProblem } from '../../../shared/domain';
import { call } from '../../lib/api';
import { debounce } from '../../lib/debounce';
import { describeError } from '../../lib/errors';
import { ErrorCode } from '../../../shared/result';
import { registerStoreReset } from '../../lib/store-registry';
import * as edit from './coding-edit';

export const SAVE_DEBOUNCE_MS = 400;

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

interface CodingData {
  chartId: string | null;
  /** Set while an auditor re-codes the chart in an audit: the codes edited are the audit's. */
  auditId: string | null;
  coding: Coding;
  revision: number;
  loading: boolean;
  loadError: string | null;
  saveState: SaveState;
  saveError: string | null;
  /** A PHI-free notice such as "reloaded after a conflict". */
  notice: string | null;
  problems: ValidationProblem[];
}

interface CodingActions {
  load(chartId: string, auditId?: string | null): Promise<void>;
  /** Adds a picked code; returns a message when it was not added. */
  addCode(hit: CodeHit): string | null;
  removeDiagnosis(index: number): void;
  moveDiagnosis(index: number, delta: number): void;
  setPoa(index: number, poa: PoaValue | null): void;
  removeProcedure(index: number): void;
  moveProcedure(index: number, delta: number): void;
  updateProcedure(index: number, patch: Partial<Omit<CodedProcedure, 'system' | 'code'>>): void;
  /** Saves any pending edit now; resolves true when everything is stored. */
  flush(): Promise<boolean>;
  validate(): Promise<void>;
}

export type CodingStore = CodingData & CodingActions;

const emptyCoding: Coding = { diagnoses: [], procedures: [] };

const initial: CodingData = {
  chartId: null,
  auditId: null,
  coding: emptyCoding,
  revision: 0,
  loading: false,
  loadError: null,
  saveState: 'idle',
  saveError: null,
  notice: null,
  problems: [],
};

/** Edits not yet stored when the workspace locked. */
let stash: { chartId: string; auditId: string | null; coding: Coding; revision: number } | null = null;
/** Bumped on load and reset, so replies for an older chart or session are ignored. */
let epoch = 0;
let dirty = false;
let saveLoop: { epoch: number; promise: Promise<boolean> } | null = null;
let validateSeq = 0;
let cancelDebouncedSave: () => void = () => undefined;

export const useCoding = create<CodingStore>()((set, get) => {
  const saveOnce = async (): Promise<boolean> => {
    const mine = epoch;
    const { chartId, auditId, coding, revision } = get();
    if (!chartId) return false;
    set({ saveState: 'saving', saveError: null });
    const result = auditId
      ? await call('audits.save', { auditId, coding }).then((r) => (r.ok ? { ok: true as const, value: { revision } } : r))
      : await call('coding.save', { chartId, coding, revision });
    if (mine !== epoch) return false;
    if (result.ok) {
      set({ revision: result.value.revision, saveState: dirty ? 'pending' : 'saved' });
      void get().validate();
      return true;
    }
    if (result.error.code === ErrorCode.Conflict && !auditId) {
      dirty = false;
      await reloadAfterConflict(chartId, mine);
      return false;
    }
    dirty = true; // keep the edit; the next edit or Submit retries
    set({ saveState: 'error', saveError: describeError(result.error) });
    return false;
  };

  const reloadAfterConflict = async (chartId: string, mine: number): Promise<void> => {
    const latest = await call('coding.get', { chartId });
    if (mine !== epoch) return;
    if (!latest.ok) {
      set({ saveState: 'error', saveError: describeError(latest.error) });
      return;
    }
    set({
      coding: latest.value.coding,
      revision: latest.value.revision,
      saveState: 'saved',
      notice: 'This chart was changed elsewhere. The latest saved coding is shown; check it and redo your last change if needed.',
    });
    void get().validate();
  };

  const runSaves = (): Promise<boolean> => {
    debounced.cancel();
    if (saveLoop && saveLoop.epoch === epoch) return saveLoop.promise;
    // One loop at a time per chart: each pass saves the latest draft with the latest revision.
    const loop = { epoch, promise: Promise.resolve(true) };
    saveLoop = loop;
    loop.promise = (async () => {
      try {
        let ok = true;
        while (dirty && ok && loop.epoch === epoch) {
          dirty = false;
          ok = await saveOnce();
        }
        return ok && get().saveState !== 'error';
      } finally {
        if (saveLoop === loop) saveLoop = null;
      }
    })();
    return loop.promise;
  };

  const debounced = debounce(() => void runSaves(), SAVE_DEBOUNCE_MS);
  cancelDebouncedSave = () => debounced.cancel();

  const change = (next: Coding): void => {
    dirty = true;
    set({ coding: next, saveState: 'pending', notice: null });
    debounced();
  };

  return {
    ...initial,

    async load(chartId, auditId = null) {
      debounced.cancel();
      const mine = ++epoch;
      dirty = false;
      set({ ...initial, chartId, auditId, loading: true });
      const result = auditId
        ? await call('audits.get', { auditId }).then((r) => (r.ok ? { ok: true as const, value: { coding: r.value.auditorCoding, revision: 0 } } : r))
        : await call('coding.get', { chartId });
      if (mine !== epoch) return;
      if (!result.ok) {
        set({ loading: false, loadError: describeError(result.error) });
        return;
      }
      const { coding, revision } = result.value;
      set({ loading: false, coding, revision });
      const kept = stash?.chartId === chartId && stash.auditId === auditId ? stash : null;
      stash = null;
      if (kept && !edit.sameCoding(kept.coding, coding)) {
        if (kept.revision === revision) {
          change(kept.coding);
          await runSaves();
          return;
        }
        set({ notice: 'Edits made just before the lock could not be restored because this chart changed meanwhile.' });
      }
      await get().validate();
    },

    addCode(hit) {
      const outcome = edit.addCode(get().coding, hit);
      if (!outcome.added) return outcome.message;
      change(outcome.coding);
      return null;
    },

    removeDiagnosis(index) {
      const { coding } = get();
      change({ ...coding, diagnoses: edit.removeAt(coding.diagnoses, index) });
    },

    moveDiagnosis(index, delta) {
      const { coding } = get();
      const diagnoses = edit.move(coding.diagnoses, index, delta);
      if (diagnoses[index] !== coding.diagnoses[index]) change({ ...coding, diagnoses });
    },

    setPoa(index, poa) {
      change(edit.setPoa(get().coding, index, poa));
    },

    removeProcedure(index) {
      const { coding } = get();
      change({ ...coding, procedures: edit.removeAt(coding.procedures, index) });
    },

    moveProcedure(index, delta) {
      const { coding } = get();
      const procedures = edit.move(coding.procedures, index, delta);
      if (procedures[index] !== coding.procedures[index]) change({ ...coding, procedures });
    },

    updateProcedure(index, patch) {
      change(edit.updateProcedure(get().coding, index, patch));
    },

    flush: () => runSaves(),

    async validate() {
      const { chartId, auditId } = get();
      if (!chartId) return;
      const mine = ++validateSeq;
      const result = auditId ? await call('audits.validate', { auditId }) : await call('coding.validate', { chartId });
      if (mine !== validateSeq || get().chartId !== chartId) return;
      // Findings are advisory here; a failure to fetch them must not block coding.
      if (result.ok) set({ problems: result.value });
    },
  };
});

registerStoreReset(() => {
  const { chartId, auditId, coding, revision, saveState } = useCoding.getState();
  const unsaved = dirty || saveState === 'pending' || saveState === 'saving' || saveState === 'error';
  stash = chartId && unsaved ? { chartId, auditId, coding, revision } : null;
  cancelDebouncedSave();
  epoch++;
  dirty = false;
  useCoding.setState(initial);
}, { holdsPhi: true });

/** Tests only: forget edits kept across a lock. */
export function dropLockStash(): void {
  stash = null;
}
