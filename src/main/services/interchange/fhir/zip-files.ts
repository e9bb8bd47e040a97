/**
 * A zipped Bulk Data export, read member by member from the zip on disk. The directory is checked
 * first with the code-set importer's zip-bomb limits (total size, member count, compression ratio,
 * safe names) and yauzl stops any member that inflates beyond its declared size.
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppFailure } from '../../../../shared/result';
import { DEFAULT_ZIP_LIMITS, unsafeMemberName, type ZipLimits } from '../../codesets/importers/streaming/read-zip';
import type { ExportFiles } from './export-files';

function fail(zipPath: string, why: string): AppFailure {
  return new AppFailure('IMPORT_FAILED', `${path.basename(zipPath)} cannot be read: ${why}.`, { file: zipPath });
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(fail(zipPath, 'the zip is damaged or not a zip file'));
      else resolve(zip);
    });
  });
}

/** Every file member, after the directory checks; a zip bomb fails here, before any member is inflated. */
function readDirectory(zip: yauzl.ZipFile, zipPath: string, limits: ZipLimits): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    const refuse = (why: string) => {
      zip.close();
      reject(fail(zipPath, why));
    };
    zip.on('error', () => refuse('the zip is damaged or has an unsafe member path'));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (unsafeMemberName(name)) return refuse('a member of the zip has an unsafe path (absolute or with ..)');
      if (name.endsWith('/') || name.startsWith('__MACOSX/')) return zip.readEntry();
      if (entries.size + 1 > limits.maxMembers) return refuse(`the zip has more than ${limits.maxMembers} members`);
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) return refuse('the zip unpacks to more than CodeDesk accepts (a zip bomb?)');
      if (entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        return refuse('a member of the zip is compressed far beyond any real file (a zip bomb?)');
      }
      entries.set(name, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

export async function zipFiles(zipPath: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ExportFiles> {
  const zip = await openZip(zipPath);
  const entries = await readDirectory(zip, zipPath, limits);
  const open = (name: string): Promise<Readable> =>
    new Promise((resolve, reject) => {
      const entry = entries.get(name);
      if (!entry) return reject(fail(zipPath, 'a member of the zip could not be read'));
      zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(fail(zipPath, 'a member of the zip is damaged')) : resolve(stream)));
    });
  return {
    ndjson: [...entries.keys()].filter((n) => n.toLowerCase().endsWith('.ndjson')).sort(),
    display: (name) => `${zipPath}/${name}`,
    open,
    read: async (name, maxBytes) => {
      const entry = entries.get(name);
      if (!entry) return null;
      if (entry.uncompressedSize > maxBytes) return 'too-large';
      const chunks: Buffer[] = [];
      for await (const chunk of (await open(name)) as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
