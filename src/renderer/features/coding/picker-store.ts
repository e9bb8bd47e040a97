/**
 * Code picker: search as you type against the code set in force on the chart's coding date.
 * Every keystroke searches at once (the local search answers in a few ms; a debounce would
 * add its whole delay to every result). Replies to older queries are dropped so fast typing
 * never shows stale results.
 *
 * A keystroke's results are taken at the start of the frame that will show the typed
 * character (a requestAnimationFrame callback), waiting there until KEYSTROKE_WAIT_MS after
 * the keystroke at most: a reply in time renders in that frame, so the character and its
 * results appear together. A later reply renders when it comes, a frame or more on. The box
 * starts the search already at `beforeinput`, with the value the edit will give (prefetch),
 * while the browser is still inserting the character.
 */
import { create } from 'zustand';
import type { CodeHit, CodeSystem } from '../../../shared/domain';
import { beginCall, call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';
import { dropKeystroke, markInFrame, markKeystroke, markReply, markWait } from './search-timing';

/** About three screenfuls of the result list; more only slows each keystroke's paint. */
const RESULT_LIMIT = 25;
/**
 * How long after a keystroke its frame may wait for the results. The reply usually is in
 * before the frame starts (a few ms after the key); waiting up to 10 ms keeps the frame within
 * one frame interval of the key, and a busy host costs a keystroke that wait at most once
 * (after a miss nothing waits until the late reply is in).
 */
const KEYSTROKE_WAIT_MS = 10;

type SearchResult = Awaited<ReturnType<typeof call<'codes.search'>>>;
type SearchInput = Parameters<typeof call<'codes.search'>>[1];

const searchInput = (query: string, system: CodeSystem | '', date: string | null): SearchInput => ({
  query: query.trim(),
  limit: RESULT_LIMIT,
  ...(system ? { system } : {}),
  ...(date ? { date } : {}),
});

/** A search started at `beforeinput` for the query the box is about to hold. */
let prefetched: { key: string; begun: ReturnType<typeof beginCall<'codes.search'>> } | null = null;

interface PickerData {
  query: string;
  /** '' = all systems. */
  system: CodeSystem | '';
  /** The chart's coding date (selects the code-set version). */
  date: string | null;
  results: CodeHit[];
  active: number;
  searching: boolean;
  error: string | null;
  /** Why the last pick was not added, e.g. a header code. */
  message: string | null;
  /** The keystroke whose results are in `results` (for the paint timing); null otherwise. */
  paintKey: number | null;
}

interface PickerActions {
  setDate(date: string | null): void;
  setQuery(query: string): void;
  setSystem(system: CodeSystem | ''): void;
  /** Searches now; `keystroke` is the timing id of the keystroke that asked for it. */
  search(keystroke?: number): Promise<void>;
  /** Starts the search for a query the box is about to hold; the keystroke's search takes it over when it matches. */
  prefetch(query: string): void;
  move(delta: number): void;
  setActive(index: number): void;
  setMessage(message: string | null): void;
  /** Clears the query and results after a pick. */
  clear(): void;
}

export type PickerStore = PickerData & PickerActions;

const initial: PickerData = {
  query: '',
  system: '',
  date: null,
  results: [],
  active: 0,
  searching: false,
  error: null,
  message: null,
  paintKey: null,
};

let seq = 0;
/** The newest keystroke not yet painted; its mark is dropped when a newer one supersedes it. */
let unpainted: number | null = null;

function supersede(next: number | null): void {
  if (unpainted !== null) dropKeystroke(unpainted);
  unpainted = next;
}

export const usePicker = create<PickerStore>()((set, get) => {
  return {
    ...initial,

    setDate(date) {
      set({ date });
    },

    setQuery(query) {
      set({ query, message: null });
      if (query.trim() === '') {
        supersede(null);
        seq++;
        set({ results: [], active: 0, searching: false, error: null, paintKey: null });
        return;
      }
      const keystroke = markKeystroke();
      supersede(keystroke);
      void get().search(keystroke);
    },

    setSystem(system) {
      set({ system, message: null });
      if (get().query.trim()) void get().search();
    },

    async search(keystroke) {
      const { query, system, date } = get();
      const mine = ++seq;
      if (!query.trim()) return;
      set({ searching: true, error: null });
      const input = searchInput(query, system, date);
      const show = (result: SearchResult): void => {
        if (mine !== seq) return;
        if (!result.ok) {
          set({ searching: false, results: [], error: describeError(result.error) });
          return;
        }
        if (keystroke !== undefined && keystroke === unpainted) {
          unpainted = null; // CodePicker marks its paint
          markReply(keystroke);
        }
        set({ searching: false, results: result.value.results, active: 0, paintKey: keystroke ?? null });
      };
      if (keystroke === undefined || typeof requestAnimationFrame !== 'function') {
        show(await call('codes.search', input));
        return;
      }
      const deadline = performance.now() + KEYSTROKE_WAIT_MS;
      const begun = prefetched?.key === JSON.stringify(input) ? prefetched.begun : beginCall('codes.search', input);
      prefetched = null;
      let shown = false;
      requestAnimationFrame((frameTime) => {
        if (mine !== seq || shown) return;
        const waitStart = performance.now();
        const result = begun.take(deadline);
        markWait(keystroke, waitStart, result !== null);
        if (!result) return;
        shown = true;
        markInFrame(keystroke, frameTime);
        show(result);
      });
      const result = await begun.result;
      if (shown) return;
      shown = true;
      show(result);
    },

    prefetch(query) {
      const { system, date } = get();
      prefetched = null;
      if (!query.trim()) return;
      const input = searchInput(query, system, date);
      prefetched = { key: JSON.stringify(input), begun: beginCall('codes.search', input) };
    },

    move(delta) {
      const { results, active } = get();
      if (results.length === 0) return;
      set({ active: Math.min(Math.max(active + delta, 0), results.length - 1) });
    },

    setActive(index) {
      set({ active: index });
    },

    setMessage(message) {
      set({ message });
    },

    clear() {
      supersede(null);
      prefetched = null;
      seq++;
      set({ query: '', results: [], active: 0, searching: false, error: null, message: null, paintKey: null });
    },
  };
});

// The query may hold words from the record: cleared on lock with the rest.
registerStoreReset(() => {
  supersede(null);
  prefetched = null;
  seq++;
  usePicker.setState(initial);
}, { holdsPhi: true });

// A new chart: everything but the coding date (ChartScreen sets it from the chart's detail).
registerChartReset(() => {
  usePicker.getState().clear();
  usePicker.setState({ system: '' });
});
