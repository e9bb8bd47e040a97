/**
 * Loads the demo subset (resources/demo/codes/*.tsv) as demo versions, one per system, so the
 * app is usable before any official file is imported. File name prefix before the first
 * '-' or '.' names the system (icd10cm-inpatient.tsv, hcpcs.tsv); each line is
 * CODE<TAB>BILLABLE(1|0)<TAB>TITLE; '#' lines are comments. All systems load in one
 * transaction.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CODE_SYSTEMS, type CodeSystem } from '../../../shared/domain';
import type { ContentDb } from './content-db';
import { hasCodeShape, normaliseCode, SYSTEM_LABELS } from './code-format';
import { importFailure } from './import-failure';
import { splitLines } from './order-file-parser';
import { decodeText } from './text-decoding';
import { writeVersion, type CodeRow } from './version-store';

export const DEMO_LABEL = 'Demo subset';
export const DEMO_EFFECTIVE_FROM = '2000-01-01';

interface DemoEntry {
  row: CodeRow;
  file: string;
  line: number;
}

interface DemoSystem {
  system: CodeSystem;
  files: string[];
  entries: Map<string, DemoEntry>;
  hash: ReturnType<typeof createHash>;
}

/** Returns the number of codes loaded over all systems. Reloading replaces the demo versions. */
export function loadDemoCodes(db: ContentDb, dir: string): number {
  const folder = basename(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw importFailure(folder, 0, 'no such folder');
  const names = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.tsv'))
    .sort();
  if (names.length === 0) throw importFailure(folder, 0, 'the folder holds no demo code files (*.tsv)');

  const systems = new Map<CodeSystem, DemoSystem>();
  for (const name of names) {
    const system = systemOfFile(name);
    let target = systems.get(system);
    if (!target) {
      target = { system, files: [], entries: new Map(), hash: createHash('sha256') };
      systems.set(system, target);
    }
    const bytes = readFileSync(join(dir, name));
    target.files.push(name);
    target.hash.update(name).update('\0').update(bytes);
    readDemoFile(name, decodeText(bytes), target);
  }
  for (const target of systems.values()) {
    // An empty demo version would hide the fact that the system has no codes at all.
    if (target.entries.size === 0) {
      throw importFailure(target.files.join(', '), 0, 'no codes in the file (only comments or blank lines)');
    }
  }

  return db.transaction(() => {
    let total = 0;
    for (const target of systems.values()) {
      const rows = [...target.entries.values()].map((e) => e.row).sort((a, b) => (a.code < b.code ? -1 : 1));
      rows.forEach((row, i) => (row.seq = i + 1));
      writeVersion(db, {
        system: target.system,
        label: DEMO_LABEL,
        effectiveFrom: DEMO_EFFECTIVE_FROM,
        effectiveTo: null,
        source: `demo files ${target.files.join(', ')}`,
        sha256: target.hash.digest('hex'),
        isDemo: true,
      }, rows);
      total += rows.length;
    }
    return total;
  })();
}

function systemOfFile(name: string): CodeSystem {
  const prefix = (name.split(/[-.]/)[0] ?? '').toLowerCase();
  const system = CODE_SYSTEMS.find((s) => s === prefix);
  if (!system) {
    throw importFailure(name, 0, `the name must start with a code system (${CODE_SYSTEMS.join(', ')}) before the first - or .`);
  }
  return system;
}

function readDemoFile(name: string, text: string, target: DemoSystem): void {
  const { lines } = splitLines(text);
  const label = SYSTEM_LABELS[target.system];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const [codeField = '', flag = '', ...titleParts] = raw.split('\t');
    const code = normaliseCode(target.system, codeField);
    if (!hasCodeShape(target.system, code)) throw importFailure(name, line, `expected a valid ${label} code in the first column`);
    if (flag.trim() !== '0' && flag.trim() !== '1') {
      throw importFailure(name, line, 'expected 1 (billable) or 0 (header) in the second column');
    }
    const title = titleParts.join(' ').trim();
    if (title === '') throw importFailure(name, line, 'the title (third column) is empty');
    const billable = flag.trim() === '1';
    const earlier = target.entries.get(code);
    if (earlier) {
      if (earlier.row.longTitle !== title || earlier.row.billable !== billable) {
        const where = `${earlier.file} line ${earlier.line}`;
        throw importFailure(name, line, `code ${code} is also in ${where} with a different title or billable flag`);
      }
      return;
    }
    target.entries.set(code, { row: { code, billable, shortTitle: title, longTitle: title, seq: 0 }, file: name, line });
  });
}
