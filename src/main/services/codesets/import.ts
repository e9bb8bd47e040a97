/**
 * Imports ICD-10-CM and ICD-10-PCS order files (any fiscal year) as content versions.
 * Each file is checked completely, then written in one transaction: it is imported whole
 * or not at all, and a bad file names its line and the reason.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ImportSummary } from '../../../shared/contract';
import type { ContentDb } from './content-db';
import { ORDER_KIND_INFO, parseOrderFile } from './order-file-parser';
import { fiscalYearPeriod, planOrderFiles, type OrderFilePlan } from './source-files';
import { decodeText } from './text-decoding';
import { writeVersion } from './version-store';

export interface ImportProgress {
  path: string;
  line: number;
  totalLines: number;
}

type FileSummary = ImportSummary['files'][number];

export function importCodeFiles(
  db: ContentDb,
  paths: readonly string[],
  onProgress?: (p: ImportProgress) => void,
): ImportSummary {
  const started = performance.now();
  const plans = planOrderFiles(paths);
  const files = plans.map((plan) => importOrderFile(db, plan, onProgress));
  return {
    files,
    totalCodes: files.reduce((sum, f) => sum + f.codes, 0),
    seconds: (performance.now() - started) / 1000,
  };
}

function importOrderFile(db: ContentDb, plan: OrderFilePlan, onProgress?: (p: ImportProgress) => void): FileSummary {
  const bytes = readFileSync(plan.path);
  const parsed = parseOrderFile(plan.name, decodeText(bytes));
  const { system, label: systemLabel } = ORDER_KIND_INFO[parsed.kind];
  const period = fiscalYearPeriod(plan.fiscalYear);
  const label = `FY${plan.fiscalYear}`;
  const report = onProgress
    ? (written: number) => onProgress({ path: plan.path, line: written, totalLines: parsed.totalLines })
    : undefined;
  const { replaced } = writeVersion(
    db,
    {
      system,
      label,
      effectiveFrom: period.from,
      effectiveTo: period.to,
      source: `${systemLabel} order file ${plan.name}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      isDemo: false,
    },
    parsed.rows,
    report,
  );
  return { path: plan.path, kind: parsed.kind, system, label, codes: parsed.rows.length, replaced };
}
