/** The open chart: its detail and the documents read so far (PHI: emptied on lock). */
import { create } from 'zustand';
import type { ChartDetail, ChartDocument } from '../../../shared/domain';
import { call } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { registerStoreReset } from '../../lib/store-registry';

interface ChartData {
  chartId: string | null;
  detail: ChartDetail | null;
  loading: boolean;
  error: string | null;
  /** Documents fetched so far, by id. */
  documents: Record<string, ChartDocument>;
  openDocumentId: string | null;
  documentError: string | null;
}

interface ChartActions {
  open(chartId: string): Promise<void>;
  openDocument(documentId: string): Promise<void>;
  /** Fetches every document of the chart (find-in-chart searches them all). */
  loadAllDocuments(): Promise<void>;
  /** Replaces the detail after a status change (hold, release). */
  setDetail(detail: ChartDetail): void;
}

export type ChartStore = ChartData & ChartActions;

const initial: ChartData = {
  chartId: null,
  detail: null,
  loading: false,
  error: null,
  documents: {},
  openDocumentId: null,
  documentError: null,
};

export const useChart = create<ChartStore>()((set, get) => {
  const fetchDocument = async (documentId: string): Promise<ChartDocument | null> => {
    const { chartId, documents } = get();
    if (!chartId) return null;
    const cached = documents[documentId];
    if (cached) return cached;
    const result = await call('documents.get', { chartId, documentId });
    if (get().chartId !== chartId) return null; // the coder moved on meanwhile
    if (!result.ok) {
      set({ documentError: describeError(result.error) });
      return null;
    }
    set({ documents: { ...get().documents, [documentId]: result.value } });
    return result.value;
  };

  return {
    ...initial,

    async open(chartId) {
      set({ ...initial, chartId, loading: true });
      const result = await call('charts.get', { chartId });
      if (get().chartId !== chartId) return;
      if (!result.ok) {
        set({ loading: false, error: describeError(result.error) });
        return;
      }
      set({ loading: false, detail: result.value });
      const first = result.value.documents[0];
      if (first) await get().openDocument(first.id);
    },

    async openDocument(documentId) {
      set({ openDocumentId: documentId, documentError: null });
      await fetchDocument(documentId);
    },

    async loadAllDocuments() {
      const detail = get().detail;
      if (!detail) return;
      // Sequential on purpose: a chart has a handful of documents and the host is single-threaded.
      for (const meta of detail.documents) {
        if (!get().documents[meta.id]) await fetchDocument(meta.id);
        if (get().chartId !== detail.id) return;
      }
    },

    setDetail(detail) {
      if (detail.id === get().chartId) set({ detail });
    },
  };
});

registerStoreReset(() => useChart.setState(initial), { holdsPhi: true });
