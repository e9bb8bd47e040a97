/**
 * Turns the paths a user picked into the order files to import: folders are walked (files
 * of a recognised kind are kept, others skipped), each file must carry its fiscal year in
 * its name. Everything is checked before the first file is imported.
 */
import { closeSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppFailure } from '../../../shared/result';
import { importFailure } from './import-failure';
import { ORDER_LINE_START } from './order-line';

export interface OrderFilePlan {
  path: string;
  name: string;
  fiscalYear: number;
}

const SNIFF_BYTES = 512;

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

/** True when the file starts like an order file (fixed-width order number, code, flag). */
export function looksLikeOrderFile(path: string): boolean {
  const buffer = Buffer.alloc(SNIFF_BYTES);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, read).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
    return ORDER_LINE_START.test(head.split(/\r?\n/)[0] ?? '');
  } finally {
    closeSync(fd);
  }
}

export function planOrderFiles(paths: readonly string[]): OrderFilePlan[] {
  if (paths.length === 0) throw new AppFailure('BAD_INPUT', 'No files or folders were given to import.');
  const found: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const name = basename(path);
    const stat = statOrNull(path);
    if (stat === null) throw importFailure(name, 0, 'no such file or folder');
    if (stat.isDirectory()) {
      const inFolder = walk(path);
      if (inFolder.length === 0) throw importFailure(name, 0, 'the folder holds no ICD-10-CM or ICD-10-PCS order file');
      found.push(...inFolder);
    } else if (looksLikeOrderFile(path)) {
      found.push(path);
    } else {
      throw importFailure(name, 1, 'not an ICD-10-CM or ICD-10-PCS order file (expected the fixed-width order-file layout)');
    }
  }
  return [...new Set(found)].map((path) => {
    const name = basename(path);
    const fiscalYear = fiscalYearFromName(name);
    if (fiscalYear === null) {
      throw importFailure(name, 0, 'no fiscal year in the file name (expected a name such as icd10cm_order_2026.txt)');
    }
    return { path, name, fiscalYear };
  });
}

function walk(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile() && looksLikeOrderFile(path)) files.push(path);
  }
  return files;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
