/**
 * Turns the paths a user picked into (file, importer) pairs: folders are walked (files of a
 * recognised kind are kept, others skipped); a file named directly must be recognised.
 * Every file is checked before the first one is imported. A .zip (the CMS/CDC downloads) is
 * opened and each member is sniffed like a file ("x.zip!member"); a zip with nothing
 * recognised is an error naming it. Zip bombs and path tricks are refused (worker/read-zip.ts).
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { AppFailure } from '../../../../shared/result';
import { importFailure } from '../import-failure';
import type { ZipMemberHead } from '../worker/read-zip';
import { runSync, type ZipTaskOptions } from '../worker/sync-call';
import { importerFor, IMPORTERS } from './registry';
import { DEFAULT_CHUNK_BYTES, fileChunks } from './streaming/byte-chunks';
import type { FileImporter, ImportSource } from './types';

const SNIFF_BYTES = 4096;

export interface PlannedImport {
  source: ImportSource;
  importer: FileImporter;
}

const headOf = (bytes: Uint8Array): string =>
  Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');

function readHead(path: string): string {
  const buffer = Buffer.alloc(SNIFF_BYTES);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return headOf(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

const isZip = (path: string) => /\.zip$/i.test(path);

/**
 * The recognised members of a zip; throws when the zip is unsafe, damaged or holds nothing
 * importable. Only each member's first bytes are read here; an import inflates its member to
 * a temp file as a stream and reads that in chunks (removed when the reading ends).
 */
export function zipImports(path: string, importers: readonly FileImporter[], chunkBytes = DEFAULT_CHUNK_BYTES): PlannedImport[] {
  const zipName = basename(path);
  const failed = (error: unknown) => {
    const reason = error instanceof AppFailure && error.code === 'IMPORT_FAILED' ? error.message : 'the zip could not be read';
    return importFailure(zipName, 0, reason);
  };
  let members: ZipMemberHead[];
  try {
    members = runSync<ZipMemberHead[]>('zip-list', new Uint8Array(0), { zipPath: path, headBytes: SNIFF_BYTES } satisfies ZipTaskOptions);
  } catch (error) {
    throw failed(error);
  }
  const found: PlannedImport[] = [];
  for (const member of members) {
    const inflated = function* (): Generator<string> {
      const dir = mkdtempSync(join(tmpdir(), 'codedesk-zip-'));
      try {
        const outPath = join(dir, 'member');
        try {
          runSync('zip-extract', new Uint8Array(0), { zipPath: path, member: member.name, outPath } satisfies ZipTaskOptions);
        } catch (error) {
          throw failed(error);
        }
        yield outPath;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const source: ImportSource = {
      path: `${path}!${member.name}`,
      name: basename(member.name),
      head: headOf(member.head),
      read: () => {
        for (const file of inflated()) return readFileSync(file);
        throw failed(null);
      },
      chunks: function* () {
        for (const file of inflated()) yield* fileChunks(file, chunkBytes);
      },
    };
    const importer = importerFor(source, importers);
    if (importer) found.push({ source, importer });
  }
  if (found.length === 0) throw importFailure(zipName, 0, 'the zip holds no code-set file CodeDesk can import');
  return found;
}

/** `chunkBytes` is for tests of chunk boundaries; imports use the default. */
export function fileSource(path: string, chunkBytes = DEFAULT_CHUNK_BYTES): ImportSource {
  return {
    path,
    name: basename(path),
    head: readHead(path),
    read: () => readFileSync(path),
    chunks: () => fileChunks(path, chunkBytes),
  };
}

const describeKinds = (importers: readonly FileImporter[]): string =>
  [...new Set(importers.map((i) => i.description))].join('; ');

export function planImports(paths: readonly string[], importers: readonly FileImporter[] = IMPORTERS): PlannedImport[] {
  if (paths.length === 0) throw new AppFailure('BAD_INPUT', 'No files or folders were given to import.');
  const planned = new Map<string, PlannedImport>();
  for (const given of paths) {
    const path = resolve(given);
    const name = basename(path);
    const stat = statOrNull(path);
    if (stat === null) throw importFailure(name, 0, 'no such file or folder');
    if (stat.isDirectory()) {
      const inFolder = walk(path, importers);
      if (inFolder.length === 0) throw importFailure(name, 0, 'the folder holds no code-set file CodeDesk can import');
      for (const p of inFolder) planned.set(p.source.path, p);
      continue;
    }
    if (isZip(path)) {
      for (const p of zipImports(path, importers)) planned.set(p.source.path, p);
      continue;
    }
    const source = fileSource(path);
    const importer = importerFor(source, importers);
    if (!importer) {
      throw importFailure(name, 1, `not a code-set file CodeDesk recognises (it imports: ${describeKinds(importers)})`);
    }
    planned.set(path, { source, importer });
  }
  // Registry order (order files first), so that a codes file or addenda find their year's codes.
  const rank = (p: PlannedImport) => importers.indexOf(p.importer);
  const list = [...planned.values()].sort((a, b) => rank(a) - rank(b));
  for (const { source, importer } of list) importer.check?.(source);
  return list;
}

function walk(folder: string, importers: readonly FileImporter[]): PlannedImport[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const found: PlannedImport[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...walk(path, importers));
    else if (entry.isFile() && isZip(path)) {
      found.push(...zipImports(path, importers));
    } else if (entry.isFile()) {
      const source = fileSource(path);
      const importer = importerFor(source, importers);
      if (importer) found.push({ source, importer });
    }
  }
  return found;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
