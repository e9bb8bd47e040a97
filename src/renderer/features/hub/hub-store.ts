/** The hub link as the header and the Team hub screen show it: no PHI, never the token. */
import { create } from 'zustand';
import type { HubState } from '../../../shared/hub';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerStoreReset } from '../../lib/store-registry';

interface HubStore {
  state: HubState | null;
  error: string | null;
  load(): Promise<void>;
  receive(state: HubState): void;
  syncNow(): Promise<void>;
}

export const useHub = create<HubStore>()((set) => ({
  state: null,
  error: null,
  async load() {
    const r = await call('hub.status', {});
    if (r.ok) set({ state: r.value, error: null });
  },
  receive: (state) => set({ state }),
  async syncNow() {
    const r = await call('hub.sync', {});
    if (r.ok) set({ state: r.value, error: null });
    else set({ error: describeError(r.error) });
  },
}));

registerStoreReset(() => useHub.setState({ state: null, error: null }), { holdsPhi: false });
