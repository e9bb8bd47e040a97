/**
 * Turns the paths a user picked into (file, importer) pairs: folders are walked (files of a
 * recognised kind are kept, others skipped); a file named directly must be recognised.
 * Every file is checked before the first one is imported. A .zip (the CMS/CDC downloads) is
 * opened and each member is sniffed like a file ("x.zip!member"); a zip with nothing
 * recognised is an error naming it. Zip bombs and path tricks are refused (streaming/read-zip.ts).
 */
import { closeSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { AppFailure } from '../../../../shared/result';
import { importFailure } from '../import-failure';
import { importerFor, IMPORTERS } from './registry';
import { skipReason } from './skip-reasons';
import { DEFAULT_CHUNK_BYTES, fileChunks } from './streaming/byte-chunks';
import { extractZipMember, listZipMembers, type ZipMemberHead } from './streaming/read-zip';
import type { FileImporter, ImportSource } from './types';

const SNIFF_BYTES = 4096;

export interface PlannedImport {
  source: ImportSource;
  importer: FileImporter;
}

/** A file in a folder that is not imported, and why (the summary lists every one). */
export interface SkippedFile {
  path: string;
  reason: string;
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
 * importable. Each member is sniffed from its first bytes; a recognised one is inflated to a
 * temp file as a stream and read from there in chunks, until its source is released.
 */
export async function zipImports(path: string, importers: readonly FileImporter[], chunkBytes = DEFAULT_CHUNK_BYTES): Promise<PlannedImport[]> {
  const zipName = basename(path);
  const failed = (error: unknown) => {
    const reason = error instanceof AppFailure && error.code === 'IMPORT_FAILED' ? error.message : 'the zip could not be read';
    return importFailure(zipName, 0, reason);
  };
  let members: ZipMemberHead[];
  try {
    members = await listZipMembers(path, SNIFF_BYTES);
  } catch (error) {
    throw failed(error);
  }
  const found: PlannedImport[] = [];
  try {
    for (const member of members) {
      const sniffed = { name: basename(member.name), head: headOf(member.head) };
      const importer = importerFor(sniffed, importers);
      if (!importer) continue;
      const dir = mkdtempSync(join(tmpdir(), 'codedesk-zip-'));
      const release = () => rmSync(dir, { recursive: true, force: true });
      const file = join(dir, 'member');
      await extractZipMember(path, member.name, file).catch((error: unknown) => {
        release();
        throw failed(error);
      });
      const source: ImportSource = {
        ...sniffed,
        path: `${path}!${member.name}`,
        read: () => readFileSync(file),
        chunks: () => fileChunks(file, chunkBytes),
        release,
      };
      found.push({ source, importer });
    }
  } catch (error) {
    releaseAll(found);
    throw error;
  }
  if (found.length === 0) throw importFailure(zipName, 0, 'the zip holds no code-set file CodeDesk can import');
  return found;
}

/** Removes what planning inflated (zip members in temp files); safe to call more than once. */
export function releaseAll(planned: readonly PlannedImport[]): void {
  for (const { source } of planned) source.release?.();
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

/** The caller releases the result (releaseAll) once imported; on a failure here nothing is left behind. */
export async function planImports(paths: readonly string[], importers: readonly FileImporter[] = IMPORTERS): Promise<PlannedImport[]> {
  return (await planWithSkips(paths, importers)).planned;
}

/** As planImports, with the folders' files that are not imported and why. */
export async function planWithSkips(
  paths: readonly string[],
  importers: readonly FileImporter[] = IMPORTERS,
): Promise<{ planned: PlannedImport[]; skipped: SkippedFile[] }> {
  if (paths.length === 0) throw new AppFailure('BAD_INPUT', 'No files or folders were given to import.');
  const planned = new Map<string, PlannedImport>();
  const skipped: SkippedFile[] = [];
  try {
    return { planned: await planEach(paths, importers, planned, skipped), skipped };
  } catch (error) {
    releaseAll([...planned.values()]);
    throw error;
  }
}

async function planEach(
  paths: readonly string[],
  importers: readonly FileImporter[],
  planned: Map<string, PlannedImport>,
  skipped: SkippedFile[],
): Promise<PlannedImport[]> {
  for (const given of paths) {
    const path = resolve(given);
    const name = basename(path);
    const stat = statOrNull(path);
    if (stat === null) throw importFailure(name, 0, 'no such file or folder');
    if (stat.isDirectory()) {
      const inFolder = await walk(path, importers, planned, skipped);
      if (inFolder === 0) throw importFailure(name, 0, 'the folder holds no code-set file CodeDesk can import');
      continue;
    }
    if (isZip(path)) {
      for (const p of await zipImports(path, importers)) add(planned, p);
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

/** A file named twice (directly and in its folder, or a zip given twice) is planned once. */
function add(planned: Map<string, PlannedImport>, p: PlannedImport): number {
  if (planned.has(p.source.path)) p.source.release?.();
  else planned.set(p.source.path, p);
  return 1;
}

/**
 * Adds the folder's recognised files to `planned` (as they are found, so a failure releases
 * them) and every other file to `skipped` with its reason; returns how many were planned.
 * Links are followed (a folder of links to the downloads is a folder of those files).
 */
async function walk(folder: string, importers: readonly FileImporter[], planned: Map<string, PlannedImport>, skipped: SkippedFile[]): Promise<number> {
  const names = readdirSync(folder).sort((a, b) => (a < b ? -1 : 1));
  let found = 0;
  for (const name of names) {
    const path = join(folder, name);
    const stat = statOrNull(path);
    if (stat?.isDirectory()) {
      // A linked folder could lead back up the tree; a hidden one is a tool's (.git), not a download.
      if (lstatSync(path).isSymbolicLink()) skipped.push({ path, reason: 'a link to a folder (links to folders are not followed)' });
      else if (name.startsWith('.')) skipped.push({ path, reason: 'a hidden folder' });
      else found += await walk(path, importers, planned, skipped);
      continue;
    }
    const unread = stat === null ? 'a link to a file that does not exist' : stat.isFile() ? null : 'not a regular file';
    if (unread !== null || name.startsWith('.')) {
      skipped.push({ path, reason: unread ?? 'a hidden file' });
    } else if (isZip(path)) {
      for (const p of await zipImports(path, importers)) found += add(planned, p);
    } else {
      const source = fileSource(path);
      const importer = importerFor(source, importers);
      if (importer) found += add(planned, { source, importer });
      else skipped.push({ path, reason: skipReason(name) });
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
