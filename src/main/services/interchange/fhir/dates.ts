/**
 * Dates as written: a FHIR dateTime's local calendar date is its first ten characters, never
 * shifted through UTC (an encounter at 23:30 -05:00 happened on that day, not the next).
 */
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** YYYY-MM-DD of a FHIR date or dateTime, or null when it is missing, partial or not a real date. */
export function localDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = FULL_DATE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${m}-${d}`;
}

/** Whole years between a birth date and a later date, both YYYY-MM-DD. */
export function ageInYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
}
