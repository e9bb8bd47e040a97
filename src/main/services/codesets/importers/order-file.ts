/** ICD-10-CM and ICD-10-PCS order files (any fiscal year) as code versions. */
import { importFailure } from '../import-failure';
import { ORDER_KIND_INFO, orderFileKind, orderFileRows } from '../order-file-parser';
import { ORDER_LINE_START } from '../order-line';
import { fiscalYearFromName, fiscalYearPeriod } from '../source-files';
import { writeVersion } from '../version-store';
import { checkedAgainstPartners } from './release-cross-checks';
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
    // Passes in chunks: the digest, line count and encoding; the first two lines (CM or PCS);
    // then every line, checked and written as read (writeVersion rolls back if a later check fails).
    const scan = scanSource(source);
    const head = sourceLines(source, scan);
    const kind = orderFileKind(source.name, withoutTrailingBlanks(head), () => head.terminated);
    const lines = sourceLines(source, scan);
    const { system, label: systemLabel } = ORDER_KIND_INFO[kind];
    const period = fiscalYearPeriod(fiscalYear);
    const label = `FY${fiscalYear}`;
    const { replaced, codes } = writeVersion(
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
      checkedAgainstPartners(db, source.name, system, fiscalYear, orderFileRows(source.name, withoutTrailingBlanks(lines), () => lines.terminated)),
      // One row per line; the scan's count includes trailing blank lines, the final event does not.
      (written, finished) => progress(written, finished ? written : scan.lines, finished),
    );
    return { path: source.path, kind, system, label, codes, replaced };
  },
};
