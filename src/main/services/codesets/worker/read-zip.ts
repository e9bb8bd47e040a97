/**
 * Reads the members of a zip (the CMS/CDC downloads) with yauzl, refusing zip bombs and path
 * tricks: member names must be plain relative paths, and the total uncompressed size and each
 * member's compression ratio are limited (checked against the directory and while inflating).
 */
import yauzl from 'yauzl';
import { AppFailure } from '../../../../shared/result';

export interface ZipLimits {
  /** Total uncompressed bytes of all members. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, per member. */
  maxRatio: number;
  maxMembers: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200, maxMembers: 1000 };

export interface ZipMember {
  name: string;
  data: Uint8Array;
}

const UNSAFE = 'a member of the zip has an unsafe path (absolute or with ..)';
const refuse = (reason: string) => new AppFailure('IMPORT_FAILED', reason, { reason });

/** A member name that is not a plain relative path (absolute, drive letter, `..`, backslashes). */
export function unsafeMemberName(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.split('/').some((p) => p === '..') || name.includes('\0');
}

export function readZipMembers(input: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipMember[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(input), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) return reject(refuse('the zip is damaged or not a zip file'));
      const members: ZipMember[] = [];
      let total = 0;
      const fail = (error: AppFailure) => {
        zip.close();
        reject(error);
      };
      // yauzl itself refuses absolute and ".." member names as it reads the directory.
      zip.on('error', (error: Error) => fail(refuse(/path/i.test(error.message) ? UNSAFE : 'the zip is damaged')));
      zip.on('end', () => resolve(members));
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (unsafeMemberName(name)) return fail(refuse(UNSAFE));
        if (name.endsWith('/')) return zip.readEntry();
        if (members.length >= limits.maxMembers) return fail(refuse(`the zip has more than ${limits.maxMembers} members`));
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) return fail(refuse('the zip unpacks to more than CodeDesk accepts (a zip bomb?)'));
        if (entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
          return fail(refuse('a member of the zip is compressed far beyond any real file (a zip bomb?)'));
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(refuse('a member of the zip could not be read'));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            // validateEntrySizes also stops a member that inflates beyond its declared size.
            if (size > entry.uncompressedSize) stream.destroy();
            else chunks.push(chunk);
          });
          stream.on('error', () => fail(refuse('a member of the zip is damaged')));
          stream.on('end', () => {
            members.push({ name, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
