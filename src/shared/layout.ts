/**
 * The chart screen's pane layout, a per-user preference kept in the encrypted workspace. Widths
 * are percentages of the chart body, so a layout chosen on one screen fits another. Not PHI.
 */
import { z } from 'zod';

export const PANE_LIMITS = {
  records: { min: 20, max: 70 },
  detail: { min: 14, max: 40 },
  /** The coding pane takes the rest, never less than this. */
  codingMin: 24,
} as const;

export const chartLayoutSchema = z
  .object({
    /** Records (document list and viewer), % of the chart body. */
    recordsPct: z.number().min(PANE_LIMITS.records.min).max(PANE_LIMITS.records.max),
    /** Code detail, % of the chart body, kept while collapsed. */
    detailPct: z.number().min(PANE_LIMITS.detail.min).max(PANE_LIMITS.detail.max),
    detailCollapsed: z.boolean(),
  })
  .strict();

export type ChartLayout = z.infer<typeof chartLayoutSchema>;

/**
 * Reading comes first: the records get about half (the text itself was ~30% of the window); the
 * coding pane keeps its old third, the code detail gives the rest.
 */
export const DEFAULT_CHART_LAYOUT: ChartLayout = { recordsPct: 48, detailPct: 20, detailCollapsed: false };

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(n * 10) / 10));

/** Within each pane's limits; the detail gives way first, then the records, so coding keeps its minimum. */
export function clampLayout(layout: ChartLayout): ChartLayout {
  let recordsPct = clamp(layout.recordsPct, PANE_LIMITS.records.min, PANE_LIMITS.records.max);
  let detailPct = clamp(layout.detailPct, PANE_LIMITS.detail.min, PANE_LIMITS.detail.max);
  const room = 100 - PANE_LIMITS.codingMin;
  if (!layout.detailCollapsed && recordsPct + detailPct > room) {
    detailPct = Math.max(PANE_LIMITS.detail.min, room - recordsPct);
    recordsPct = Math.min(recordsPct, room - detailPct);
  }
  return { recordsPct, detailPct, detailCollapsed: layout.detailCollapsed };
}
