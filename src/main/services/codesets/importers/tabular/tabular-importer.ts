/** The ICD-10-CM Tabular List XML (any fiscal year): hierarchy, notes, 7th characters. */
import { importFailure } from '../../import-failure';
import { fiscalYearFromName } from '../../source-files';
import { scanSource, sourceText } from '../streaming/source-scan';
import type { FileImporter, ImportSource } from '../types';
import { parseTabular, TABULAR_ROOT } from './parse-tabular';
import { writeTabularRelease } from './write-tabular';

// The XML declaration, comments and a DOCTYPE may come before the root element. A DOCTYPE
// is recognised here so that the parser refuses it with a clear reason.
const ROOT_AT_START = new RegExp(
  String.raw`^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*)*<${TABULAR_ROOT.replace('.', '\\.')}[\s>]`,
);

/** The fiscal year from <version> ("2021"), else from the file name. */
export function tabularFiscalYear(version: string | null, name: string): number {
  const fromVersion = /(?<!\d)(20\d\d)(?!\d)/.exec(version ?? '')?.[1];
  const year = fromVersion !== undefined ? Number(fromVersion) : fiscalYearFromName(name);
  if (year === null || year < 2016) {
    throw importFailure(name, 0, 'no fiscal year in <version> or in the file name (expected a name such as icd10cm_tabular_2021.xml)');
  }
  return year;
}

export const tabularImporter: FileImporter = {
  kind: 'icd10cm-tabular',
  description: 'ICD-10-CM Tabular List XML',
  detect: ({ head }) => ROOT_AT_START.test(head),
  run({ db, progress }, source: ImportSource) {
    // Read in chunks, twice: digest, line count and encoding first, then the elements.
    const scan = scanSource(source);
    const xml = sourceText(source, scan);
    // Progress in lines of the file: reading takes the first half, writing the second.
    const totalLines = scan.newlines + 1;
    const half = Math.floor(totalLines / 2);
    const parsed = parseTabular(source.name, xml, (line) => progress(Math.floor(line / 2), totalLines));
    const fiscalYear = tabularFiscalYear(parsed.version, source.name);
    const label = `FY${fiscalYear}`;
    const { replaced } = writeTabularRelease(
      db,
      { fiscalYear, label, file: source.name, sha256: scan.sha256 },
      parsed,
      (written, total) => progress(written === total ? totalLines : half + Math.floor(((totalLines - half) * written) / total), totalLines),
    );
    return { path: source.path, kind: 'icd10cm-tabular', system: 'icd10cm', label, codes: parsed.diagCount, replaced };
  },
};
