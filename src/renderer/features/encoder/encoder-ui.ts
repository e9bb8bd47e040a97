/** Which encoder dialog is open over the chart (one at a time; the 7th-character chooser stacks on top). */
import { create } from 'zustand';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';

export type EncoderDialog = 'tree' | 'pcs' | 'tables';

interface EncoderUi {
  open: EncoderDialog | null;
  show(dialog: EncoderDialog): void;
  close(): void;
}

export const useEncoderUi = create<EncoderUi>()((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: null }),
}));

registerStoreReset(() => useEncoderUi.setState({ open: null }), { holdsPhi: false });
registerChartReset(() => useEncoderUi.setState({ open: null }));
