/**
 * Code titles for the coded list. A saved coding holds codes only, so titles come from the
 * picker (remembered when a code is added) or are looked up once through codes.search.
 */
import { create } from 'zustand';
import type { CodeHit, CodeSystem } from '../../../shared/domain';
import { call } from '../../lib/api';
import { registerStoreReset } from '../../lib/store-registry';

interface TitlesStore {
  /** "system:code" → title ('' when the code set has none, e.g. CPT). */
  titles: Record<string, string>;
  remember(hit: CodeHit): void;
  /** Looks up titles not yet known, for the code set in force on `date`. */
  ensure(codes: readonly { system: CodeSystem; code: string }[], date: string | null): Promise<void>;
}

export const titleKey = (system: CodeSystem, code: string): string => `${system}:${code}`;

const requested = new Set<string>();

export const useTitles = create<TitlesStore>()((set, get) => ({
  titles: {},
  remember(hit) {
    set({ titles: { ...get().titles, [titleKey(hit.system, hit.code)]: hit.title } });
  },
  async ensure(codes, date) {
    const missing = codes.filter((c) => {
      const key = titleKey(c.system, c.code);
      return !(key in get().titles) && !requested.has(key);
    });
    for (const c of missing) requested.add(titleKey(c.system, c.code));
    for (const c of missing) {
      const result = await call('codes.search', { query: c.code, system: c.system, limit: 5, ...(date ? { date } : {}) });
      if (!result.ok) continue; // the code still shows; validation reports unknown codes
      const exact = result.value.results.find((hit) => hit.code === c.code && hit.system === c.system);
      if (exact) get().remember(exact);
    }
  },
}));

// The titles of a chart's codes describe the patient's conditions: cleared on lock.
registerStoreReset(() => {
  requested.clear();
  useTitles.setState({ titles: {} });
}, { holdsPhi: true });
