/** Fiscal years from file names: FY N is in force from 1 October N-1 to 30 September N. */

/** The fiscal year in a file name: icd10cm_order_2026.txt, icd10cm-order-2026.txt -> 2026. */
export function fiscalYearFromName(name: string): number | null {
  const years = [...name.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  const year = years[years.length - 1];
  // ICD-10 began with FY2016 (1 October 2015).
  return year !== undefined && year >= 2016 ? year : null;
}

/** FY N runs from 1 October of N-1 to 30 September of N. */
export function fiscalYearPeriod(year: number): { from: string; to: string } {
  return { from: `${year - 1}-10-01`, to: `${year}-09-30` };
}
