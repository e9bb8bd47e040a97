/** The report's period: the last 7, 30 or 90 days ending today (UTC days, as the figures are recorded), or chosen dates. */
export const PERIOD_PRESETS = [7, 30, 90] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const DAY_MS = 86_400_000;
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function presetRange(days: PeriodPreset, today: Date = new Date()): { from: string; to: string } {
  const end = Date.parse(`${dayOf(today.getTime())}T00:00:00Z`);
  return { from: dayOf(end - (days - 1) * DAY_MS), to: dayOf(end) };
}
