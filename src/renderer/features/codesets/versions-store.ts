/** The installed code-set versions (not PHI): drive the demo badge and the chart's version line. */
import { create } from 'zustand';
import type { ContentVersion } from '../../../shared/domain';
import { call } from '../../lib/api';
import { registerStoreReset } from '../../lib/store-registry';

interface VersionsStore {
  versions: ContentVersion[];
  loaded: boolean;
  load(): Promise<void>;
}

export const useVersions = create<VersionsStore>()((set) => ({
  versions: [],
  loaded: false,
  async load() {
    const result = await call('codes.versions', {});
    // A failure leaves the badge off; code search reports its own errors where it matters.
    if (result.ok) set({ versions: result.value, loaded: true });
  },
}));

registerStoreReset(() => useVersions.setState({ versions: [], loaded: false }), { holdsPhi: false });
