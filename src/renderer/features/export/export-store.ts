/**
 * The Export screen's state: which submitted charts (a range of submission dates, narrowed by
 * ticking charts in the table), the format, the file and how it is protected. The passphrase
 * lives here only until the export is written, and every lock clears it with the rest.
 */
import { create } from 'zustand';
import type { ExportFormat, ExportPreview, ExportResult } from '../../../shared/results';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerStoreReset } from '../../lib/store-registry';

/** Rows the table shows; a larger range is exported whole or narrowed by dates. */
export const TABLE_ROWS = 500;

interface ExportState {
  since: string;
  until: string;
  /** Charts ticked in the table; none ticked means every chart in the date range. */
  chosen: ReadonlySet<string>;
  /** The submitted charts in the date range (the table). */
  list: ExportPreview | null;
  /** What the current selection would write (counts, the first chart in each format). */
  preview: ExportPreview | null;
  loading: boolean;
  format: ExportFormat;
  path: string;
  plain: boolean;
  passphrase: string;
  confirmPassphrase: string;
  writing: boolean;
  error: string | null;
  done: ExportResult | null;
  setRange(since: string, until: string): void;
  toggle(chartId: string): void;
  chooseNone(): void;
  setFormat(format: ExportFormat): void;
  setPath(path: string): void;
  setPlain(plain: boolean): void;
  setPassphrase(passphrase: string, confirm: string): void;
  load(): Promise<void>;
  write(): Promise<void>;
}

const initial = {
  since: '',
  until: '',
  chosen: new Set<string>() as ReadonlySet<string>,
  list: null,
  preview: null,
  loading: false,
  format: 'fhir' as ExportFormat,
  path: '',
  plain: false,
  passphrase: '',
  confirmPassphrase: '',
  writing: false,
  error: null,
  done: null,
};

function selectionOf(s: Pick<ExportState, 'since' | 'until' | 'chosen'>) {
  return {
    ...(s.since ? { since: s.since } : {}),
    ...(s.until ? { until: s.until } : {}),
    ...(s.chosen.size ? { chartIds: [...s.chosen] } : {}),
  };
}

/** Why the export cannot be written yet, in one sentence; null when it can. */
export function blockedReason(s: ExportState): string | null {
  if (!s.preview || s.preview.total === 0) return 'No submitted chart is selected.';
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(s.path.trim())) return 'Give the full path of a new file.';
  if (!s.plain && s.passphrase.length < 12) return 'Give an export passphrase of at least 12 characters, or choose plain.';
  if (!s.plain && s.passphrase !== s.confirmPassphrase) return 'The two passphrases differ.';
  return null;
}

export const useExport = create<ExportState>()((set, get) => ({
  ...initial,
  setRange: (since, until) => {
    set({ since, until, chosen: new Set(), done: null });
    void get().load();
  },
  toggle: (chartId) => {
    const chosen = new Set(get().chosen);
    if (chosen.has(chartId)) chosen.delete(chartId);
    else chosen.add(chartId);
    set({ chosen, done: null });
    void get().load();
  },
  chooseNone: () => {
    set({ chosen: new Set(), done: null });
    void get().load();
  },
  setFormat: (format) => set({ format, done: null }),
  setPath: (path) => set({ path, done: null }),
  setPlain: (plain) => set({ plain, passphrase: '', confirmPassphrase: '', done: null }),
  setPassphrase: (passphrase, confirmPassphrase) => set({ passphrase, confirmPassphrase }),
  load: async () => {
    const s = get();
    if (s.since && s.until && s.since > s.until) {
      set({ error: 'The start date is after the end date.', list: null, preview: null });
      return;
    }
    set({ loading: true, error: null });
    const range = selectionOf({ ...s, chosen: new Set() });
    const list = await call('results.preview', { selection: range, rowLimit: TABLE_ROWS });
    const preview = s.chosen.size && list.ok ? await call('results.preview', { selection: selectionOf(s), rowLimit: 1 }) : list;
    // A later change started its own load: this answer is stale.
    if (get().since !== s.since || get().until !== s.until || get().chosen !== s.chosen) return;
    if (!list.ok) {
      set({ loading: false, error: describeError(list.error) });
      return;
    }
    if (!preview.ok) {
      set({ loading: false, error: describeError(preview.error) });
      return;
    }
    set({ loading: false, list: list.value, preview: preview.value });
  },
  write: async () => {
    const s = get();
    if (blockedReason(s)) return;
    set({ writing: true, error: null, done: null });
    const out = await call('results.export', {
      format: s.format,
      path: s.path.trim(),
      selection: selectionOf(s),
      plain: s.plain,
      ...(s.plain ? {} : { passphrase: s.passphrase }),
    });
    if (!out.ok) {
      set({ writing: false, error: describeError(out.error) });
      return;
    }
    // The passphrase has done its job: it is not kept on screen or in memory.
    set({ writing: false, done: out.value, passphrase: '', confirmPassphrase: '', path: '' });
  },
}));

registerStoreReset(() => useExport.setState({ ...initial, chosen: new Set() }), { holdsPhi: true });
