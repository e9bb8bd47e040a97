/**
 * Which release an index file is: its fiscal year (from <version>, else the name) and, for
 * a mid-year update such as "icd10cm-drug-April-1-2026-XML.xml", the month it starts in.
 * FY N runs from 1 October N-1 to 30 September N; an April update of FY N is in force from
 * 1 April N.
 */
import { fiscalYearFromName, fiscalYearPeriod } from '../../source-files';

export interface IndexRelease {
  fiscalYear: number;
  /** 'FY2026', or 'FY2026 (April)' for a mid-year update. */
  label: string;
  effectiveFrom: string;
  effectiveTo: string;
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

/** The release month named in a file name (1-12), or null. */
export function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((m) => new RegExp(`(?<![a-z])${m}(?![a-z])`).test(lower));
  return index < 0 ? null : index + 1;
}

/**
 * The release, or a plain-language reason why it cannot be told. `version` is the text of
 * <version> (null when the file has none).
 */
export function indexRelease(name: string, version: string | null): IndexRelease | string {
  const month = monthFromName(name);
  const nameYear = fiscalYearFromName(name);
  // A name such as "October-1-2025" names the calendar year; FY is the next one from October.
  const nameFy = nameYear === null ? null : month !== null && month >= 10 ? nameYear + 1 : nameYear;
  let fiscalYear: number;
  if (version !== null) {
    if (!/^20\d\d$/.test(version) || Number(version) < 2016) return 'the <version> element does not hold a fiscal year (such as 2026)';
    fiscalYear = Number(version);
    if (nameFy !== null && nameFy !== fiscalYear) {
      return `the file says fiscal year ${fiscalYear} but its name says ${nameFy}`;
    }
  } else if (nameFy !== null) {
    fiscalYear = nameFy;
  } else {
    return 'no fiscal year in the file (no <version> element and no year in the name)';
  }
  const period = fiscalYearPeriod(fiscalYear);
  if (month === null || month === 10) {
    return { fiscalYear, label: `FY${fiscalYear}`, effectiveFrom: period.from, effectiveTo: period.to };
  }
  const startYear = month > 10 ? fiscalYear - 1 : fiscalYear;
  const monthName = MONTHS[month - 1]!;
  return {
    fiscalYear,
    label: `FY${fiscalYear} (${monthName[0]!.toUpperCase()}${monthName.slice(1)})`,
    effectiveFrom: `${startYear}-${String(month).padStart(2, '0')}-01`,
    effectiveTo: period.to,
  };
}
