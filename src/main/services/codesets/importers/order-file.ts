/** ICD-10-CM and ICD-10-PCS order files (any fiscal year) as code versions. */
import { importFailure } from '../import-failure';
import { ORDER_KIND_INFO, OrderFileChecker } from '../order-file-parser';
import { ORDER_LINE_START } from '../order-line';
import { fiscalYearFromName, fiscalYearPeriod } from '../source-files';
import { writeVersion } from '../version-store';
import { scanSource, sourceLines } from './streaming/source-scan';
import { withoutTrailingBlanks } from './streaming/text-lines';
import type { FileImporter, ImportSource } from './types';

function fiscalYearOf(source: Pick<ImportSource, 'name'>): number {
  const year = fiscalYearFromName(source.name);
  if (year === null) {
    throw importFailure(source.name, 0, 'no fiscal year in the file name (expected a name such as icd10cm_order_2026.txt)');
  }
  return year;
}

export const orderFileImporter: FileImporter = {
  kind: 'order-file',
  description: 'ICD-10-CM or ICD-10-PCS order file',
  detect: ({ head }) => ORDER_LINE_START.test(head.split(/\r?\n/)[0] ?? ''),
  check: (source) => void fiscalYearOf(source),
  run({ db, progress }, source) {
    const fiscalYear = fiscalYearOf(source);
    // Two passes in chunks: the digest and encoding first, then the lines.
    const scan = scanSource(source);
    const lines = sourceLines(source, scan);
    const checker = new OrderFileChecker(source.name);
    for (const { text, line } of withoutTrailingBlanks(lines)) checker.add(text, line);
    const parsed = checker.finish(lines.terminated);
    const { system, label: systemLabel } = ORDER_KIND_INFO[parsed.kind];
    const period = fiscalYearPeriod(fiscalYear);
    const label = `FY${fiscalYear}`;
    const { replaced } = writeVersion(
      db,
      {
        system,
        label,
        effectiveFrom: period.from,
        effectiveTo: period.to,
        source: `${systemLabel} order file ${source.name}`,
        sha256: scan.sha256,
        isDemo: false,
      },
      parsed.rows,
      (written) => progress(written, parsed.totalLines),
    );
    return { path: source.path, kind: parsed.kind, system, label, codes: parsed.rows.length, replaced };
  },
};
