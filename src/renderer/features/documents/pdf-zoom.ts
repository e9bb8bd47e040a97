/** The PDF zoom the coder chose, kept for the session (not PHI): fit width, or a fixed scale. */
import { create } from 'zustand';
import { registerStoreReset } from '../../lib/store-registry';

export type PdfZoom = 'fit' | number;

/** The zoom steps of − and +, as in most PDF readers. */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

interface ZoomStore {
  zoom: PdfZoom;
  setZoom(zoom: PdfZoom): void;
}

export const usePdfZoom = create<ZoomStore>()((set) => ({
  zoom: 'fit',
  setZoom: (zoom) => set({ zoom }),
}));

registerStoreReset(() => usePdfZoom.setState({ zoom: 'fit' }), { holdsPhi: false });

/** The next step from `scale` in `direction` (+1 bigger, -1 smaller), clamped to the steps. */
export function stepZoom(scale: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > scale + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.001) ?? ZOOM_STEPS[0];
}

/** Fit width: the scale at which the widest page fills the pane's width. */
export const fitWidthScale = (paneWidth: number, widestPage: number): number =>
  widestPage > 0 ? Math.max(0.25, Math.min(4, paneWidth / widestPage)) : 1;
