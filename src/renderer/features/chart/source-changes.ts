/** "Apply source changes": a change the source sent after submit, taken into the reopened chart. */
import { create } from 'zustand';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerStoreReset } from '../../lib/store-registry';
import { useRoute } from '../../app/route-store';
import { useChart } from './chart-store';
import { pendingText } from './source-text';

interface SourceChangesStore {
  busy: boolean;
  error: string | null;
  apply(chartId: string): Promise<void>;
}

const initial = { busy: false, error: null };

export const useSourceChanges = create<SourceChangesStore>()((set) => ({
  ...initial,
  async apply(chartId) {
    const pending = useChart.getState().detail?.source?.pending ?? null;
    set({ busy: true, error: null });
    const result = await call('charts.applySourceChanges', { chartId });
    set({ busy: false, error: result.ok ? null : describeError(result.error) });
    if (!result.ok) return;
    // Documents the change replaced are fetched again; the open one stays open.
    const open = useChart.getState().openDocumentId;
    useChart.setState({ documents: {} });
    useChart.getState().setDetail(result.value);
    useRoute.setState({ notice: `Source changes applied: ${pending ? pendingText(pending) : 'the chart now has what the source sent'}.` });
    if (open && result.value.documents.some((d) => d.id === open)) await useChart.getState().openDocument(open);
  },
}));

registerStoreReset(() => useSourceChanges.setState(initial), { holdsPhi: false });
