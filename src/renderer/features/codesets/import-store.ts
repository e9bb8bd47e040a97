/**
 * The Code sets screen's import: the paths typed, the progress pushed by main while it runs,
 * and how it ended (the summary, or the failure with what was imported before it). Code-set
 * files are not PHI, so nothing here is cleared on lock beyond the usual reset.
 */
import { create } from 'zustand';
import type { ImportProgress, ImportSummary, SourceFileInfo } from '../../../shared/contract';
import { call, subscribe } from '../../lib/api';
import { registerStoreReset } from '../../lib/store-registry';
import { useVersions } from './versions-store';

export interface ImportFailure {
  message: string;
  /** The file it failed on and why, when the failure names one. */
  file: string | null;
  reason: string | null;
  /** Files committed before the failure (each file is imported whole or not at all). */
  importedBefore: string[];
}

interface ImportStore {
  paths: string;
  allowUnverified: boolean;
  running: boolean;
  progress: ImportProgress | null;
  summary: ImportSummary | null;
  failure: ImportFailure | null;
  sourceFiles: SourceFileInfo[];
  setPaths(paths: string): void;
  setAllowUnverified(allow: boolean): void;
  loadSourceFiles(): Promise<void>;
  start(): Promise<void>;
}

/** One path per line; blank lines and surrounding quotes (a pasted "Copy as path") dropped. */
export function pathsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^"(.*)"$/, '$1').trim())
    .filter((line) => line !== '');
}

const initial = { paths: '', allowUnverified: false, running: false, progress: null, summary: null, failure: null, sourceFiles: [] };

export const useImport = create<ImportStore>()((set, get) => ({
  ...initial,
  setPaths: (paths) => set({ paths }),
  setAllowUnverified: (allowUnverified) => set({ allowUnverified }),
  async loadSourceFiles() {
    const result = await call('codes.sourceFiles', {});
    if (result.ok) set({ sourceFiles: result.value });
  },
  async start() {
    const paths = pathsOf(get().paths);
    if (paths.length === 0 || get().running) return;
    set({ running: true, progress: null, summary: null, failure: null });
    const off = subscribe((name, payload) => {
      if (name === 'import.progress') set({ progress: payload as ImportProgress });
    });
    try {
      const result = await call('codes.import', { paths, allowUnverified: get().allowUnverified });
      if (result.ok) set({ summary: result.value });
      else {
        const detail = result.error.detail ?? {};
        const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : null);
        const before = text('importedBefore');
        set({
          failure: {
            message: result.error.message,
            file: text('file'),
            reason: text('reason'),
            importedBefore: before ? before.split(', ') : [],
          },
        });
      }
    } finally {
      off();
      set({ running: false, progress: null });
      void useVersions.getState().load();
      void get().loadSourceFiles();
    }
  },
}));

registerStoreReset(() => useImport.setState(initial), { holdsPhi: false });
