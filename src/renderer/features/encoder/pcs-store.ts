/**
 * The ICD-10-PCS builder: the prefix chosen so far and the step the service returned for it
 * (valid values for the next position). Replies for an older prefix are dropped. Characters
 * typed while a step is loading wait their turn, so a coder can type "0DTJ4ZZ" in one go;
 * one that is not valid at its position drops the rest.
 */
import { create } from 'zustand';
import type { PcsStep } from '../../../shared/encoder';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';
import { usePicker } from '../coding/picker-store';

interface PcsData {
  prefix: string;
  step: PcsStep | null;
  active: number;
  loading: boolean;
  error: string | null;
  /** Characters typed ahead of the step that will check them. */
  typeAhead: string;
}

interface PcsActions {
  /** A typed character: chosen now, or queued while a step is loading. */
  typeChar(char: string): void;
  load(prefix: string): Promise<void>;
  /** Chooses a value for the next position. */
  choose(value: string): Promise<void>;
  /** Steps back one position. */
  back(): Promise<void>;
  move(delta: number): void;
  setActive(index: number): void;
}

const initial: PcsData = { prefix: '', step: null, active: 0, loading: false, error: null, typeAhead: '' };
let seq = 0;

export const usePcs = create<PcsData & PcsActions>()((set, get) => ({
  ...initial,

  async load(prefix) {
    const mine = ++seq;
    set({ prefix, loading: true, error: null });
    const date = usePicker.getState().date;
    const result = await call('codes.pcsBuild', { prefix, ...(date ? { date } : {}) });
    if (mine !== seq) return;
    if (!result.ok) {
      set({ loading: false, error: describeError(result.error), typeAhead: '' });
      return;
    }
    set({ loading: false, step: result.value, active: 0 });
    const queued = get().typeAhead;
    if (queued) {
      set({ typeAhead: queued.slice(1) });
      get().typeChar(queued.charAt(0));
    }
  },

  typeChar(char) {
    const value = char.toUpperCase();
    if (get().loading) {
      set({ typeAhead: get().typeAhead + value });
      return;
    }
    if (get().step?.options.some((o) => o.value === value)) void get().choose(value);
    else set({ typeAhead: '' });
  },

  async choose(value) {
    const { prefix, step } = get();
    if (prefix.length >= 7 || !step?.options.some((o) => o.value === value)) return;
    await get().load(prefix + value);
  },

  async back() {
    set({ typeAhead: '' });
    const { prefix } = get();
    if (prefix.length === 0) return;
    await get().load(prefix.slice(0, -1));
  },

  move(delta) {
    const count = get().step?.options.length ?? 0;
    if (count === 0) return;
    set({ active: Math.min(Math.max(get().active + delta, 0), count - 1) });
  },

  setActive(index) {
    set({ active: index });
  },
}));

const reset = () => {
  seq++;
  usePcs.setState(initial);
};
registerStoreReset(reset, { holdsPhi: true });
registerChartReset(reset);
