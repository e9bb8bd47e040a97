/**
 * Peak memory of one import, measured fairly: each file is imported in a fresh child process
 * (node + tsx, a new temp content database), and that child reports its own peak RSS
 * (resourceUsage().maxRSS, the kernel's high-water mark for the whole child) and the largest
 * V8 heap seen at the importer's progress events and at the end. An empty child (modules
 * loaded, database opened, nothing imported) is measured the same way, so `overBaseMb` is
 * what the import itself added. Besides the large official files, synthetic files in the
 * official layouts (made-up codes and titles, written to the temp dir) at growing sizes show
 * whether memory grows with file size.
 *
 * Run as a child: `node --import tsx import-memory.bench.ts --child <file|-> <db path>`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchModule } from './bench-module';

const OFFICIAL = [
  'icd10cm/icd10cm_order_2026.txt',
  'icd10pcs/icd10pcs_order_2026.txt',
  'icd10cm/icd10cm_codes_2026.txt',
  'poa/POAexemptCodesFY26.txt',
  'icd10cm/fy2021/icd10cm_tabular_2021.xml',
  'icd10pcs/icd10pcs_tables_2026.xml',
  'hcpcs/HCPC2025_OCT_ANWEB.xlsx',
  'mue/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv',
];

interface ChildFigures {
  file: string;
  kind: string | null;
  megabytes: number;
  rows: number;
  seconds: number;
  peakRssMb: number;
  peakHeapMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function childMain(file: string, dbPath: string): Promise<void> {
  const { closeContentDb, openContentDb } = await import('../../src/main/services/codesets/content-db');
  const { planImports } = await import('../../src/main/services/codesets/importers/plan');
  let peakHeap = 0;
  const sampleHeap = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const db = openContentDb(dbPath);
  let kind: string | null = null;
  let rows = 0;
  const started = performance.now();
  try {
    if (file !== '-') {
      for (const { importer, source } of await planImports([file])) {
        const summary = await importer.run({ db, progress: sampleHeap }, source);
        kind = summary.kind;
        rows += summary.codes;
      }
    }
  } finally {
    closeContentDb(db);
  }
  sampleHeap();
  const figures: ChildFigures = {
    file: file === '-' ? '(nothing imported)' : path.basename(file),
    kind,
    megabytes: file === '-' ? 0 : mb(fs.statSync(file).size),
    rows,
    seconds: Math.round(performance.now() - started) / 1000,
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    peakHeapMb: mb(peakHeap),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function runChild(repoRoot: string, tempDir: string, file: string): ChildFigures {
  const dbPath = path.join(tempDir, `content-${process.hrtime.bigint()}.db`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, dbPath], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  if (result.status !== 0) throw new Error(`import child failed for ${path.basename(file)}: ${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as ChildFigures;
}

// ---- synthetic files in the official layouts (made-up codes and titles) ----

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const WORDS = ['synthetic', 'example', 'condition', 'left', 'right', 'upper', 'lower', 'chronic', 'acute', 'unspecified', 'other', 'site'];

function title(n: number, length: number): string {
  const parts: string[] = [`Made-up entry ${n}`];
  for (let i = 0; parts.join(' ').length < length; i++) parts.push(WORDS[(n + i * 7) % WORDS.length]!);
  return parts.join(' ').slice(0, length).trimEnd();
}

/** A CM order file of `lines` lines (at most 99,999: the order number has 5 digits) with long titles of `titleLength` characters. */
function writeCmOrderFile(file: string, lines: number, titleLength: number): void {
  const fd = fs.openSync(file, 'w');
  let order = 0;
  let out = '';
  const emit = (code: string, billable: boolean) => {
    order += 1;
    const short = title(order, 40).padEnd(60);
    out += `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${short} ${title(order, titleLength)}\r\n`;
    if (out.length > 1 << 20) {
      fs.writeSync(fd, out);
      out = '';
    }
  };
  outer: for (const letter of LETTERS) {
    for (let c = 0; c < 100; c++) {
      const category = `${letter}${String(c).padStart(2, '0')}`;
      if (order + 2 > lines) break outer;
      emit(category, false);
      for (let s = 0; s < 100 && order < lines; s++) emit(`${category}${String(s).padStart(2, '0')}`, true);
    }
  }
  fs.writeSync(fd, out);
  fs.closeSync(fd);
}

/** A full POA-exempt list (tab-delimited, dotted codes) of `lines` codes. */
function writePoaList(file: string, lines: number): void {
  const fd = fs.openSync(file, 'w');
  let out = 'Order26\tPOAexemptCode\tDescription\r\n';
  for (let n = 0; n < lines; n++) {
    const code = `${LETTERS[n % LETTERS.length]}${(Math.floor(n / LETTERS.length) + 36 ** 5).toString(36).toUpperCase().slice(-6)}`;
    out += `${String(n + 1).padStart(7, '0')}\t${code.slice(0, 3)}.${code.slice(3)}\t${title(n, 50)}\r\n`;
    if (out.length > 1 << 20) {
      fs.writeSync(fd, out);
      out = '';
    }
  }
  fs.writeSync(fd, out);
  fs.closeSync(fd);
}

interface Synthetic {
  name: string;
  scale: string;
  write(file: string): void;
}

// The real CM order file: 98,186 lines of ~150 bytes. Its format caps lines at 99,999, so
// beyond 1x the synthetic files grow by longer titles (up to the 1000-character line limit).
const SYNTHETIC: Synthetic[] = [
  { name: 'icd10cm_order_2026.txt', scale: '0.25x', write: (f) => writeCmOrderFile(f, 24_500, 60) },
  { name: 'icd10cm_order_2026.txt', scale: '1x', write: (f) => writeCmOrderFile(f, 98_000, 60) },
  { name: 'icd10cm_order_2026.txt', scale: '4x', write: (f) => writeCmOrderFile(f, 98_000, 510) },
  // The real POA list: 4 MB, ~72,000 codes.
  { name: 'POAexemptCodesFY26.txt', scale: '1x', write: (f) => writePoaList(f, 72_000) },
  { name: 'POAexemptCodesFY26.txt', scale: '4x', write: (f) => writePoaList(f, 288_000) },
  { name: 'POAexemptCodesFY26.txt', scale: '16x', write: (f) => writePoaList(f, 1_152_000) },
];

export const importMemoryBench: BenchModule = {
  name: 'import-memory',
  run({ repoRoot, tempDir }) {
    const codesets = path.resolve(repoRoot, '..', 'shared', 'data', 'codesets');
    const baseline = runChild(repoRoot, tempDir, '-');
    const withBase = (f: ChildFigures) => ({ ...f, overBaseMb: Math.round((f.peakRssMb - baseline.peakRssMb) * 10) / 10 });
    const official = OFFICIAL.map((rel) => withBase(runChild(repoRoot, tempDir, path.join(codesets, rel))));
    const synthetic = SYNTHETIC.map(({ name, scale, write }) => {
      const folder = fs.mkdtempSync(path.join(tempDir, 'synthetic-'));
      const file = path.join(folder, name);
      write(file);
      try {
        return { scale, ...withBase(runChild(repoRoot, tempDir, file)) };
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
    return {
      importMemory: {
        measures: 'peak RSS (maxRSS) and largest sampled V8 heap of a fresh child process importing one file into a new content db',
        baseline,
        targetPeakRssMb: 200,
        official,
        synthetic,
      },
    };
  },
};

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--child') {
  childMain(process.argv[3] ?? '-', process.argv[4] ?? 'content.db').catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
