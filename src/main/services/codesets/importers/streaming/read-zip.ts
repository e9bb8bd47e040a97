/**
 * Reads the members of a zip (the CMS/CDC downloads) with yauzl, refusing zip bombs and path
 * tricks: member names must be plain relative paths, and the total uncompressed size and each
 * member's compression ratio are limited (checked against the directory and while inflating).
 * A download is read from disk and a member inflated to a file as a stream, never held whole;
 * an xlsx workbook (itself a zip, a few MB) is read from memory and its parts inflated to buffers.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppFailure } from '../../../../../shared/result';

export interface ZipLimits {
  /** Total uncompressed bytes of all members. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, per member. */
  maxRatio: number;
  maxMembers: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200, maxMembers: 1000 };

/** A member as listed for planning: its name and its first bytes (for sniffing its kind). */
export interface ZipMemberHead {
  name: string;
  head: Uint8Array;
}

const UNSAFE = 'a member of the zip has an unsafe path (absolute or with ..)';
const refuse = (reason: string) => new AppFailure('IMPORT_FAILED', reason, { reason });

/** A member name that is not a plain relative path (absolute, drive letter, `..`, backslashes). */
export function unsafeMemberName(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.split('/').some((p) => p === '..') || name.includes('\0');
}

type Refusal = (error: AppFailure) => void;

/** A zip on disk (by path) or in memory (an xlsx workbook's bytes). */
export type ZipInput = string | Buffer;

type OpenCallback = (error: Error | null, zip?: yauzl.ZipFile) => void;

function openZip(input: ZipInput, callback: OpenCallback): void {
  const options: yauzl.Options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false };
  if (typeof input === 'string') yauzl.open(input, options, callback);
  else yauzl.fromBuffer(input, options, callback);
}

/**
 * Opens the zip by path (never read whole) and calls `onEntry` for each safe file member,
 * after the directory checks (names, count, total size, ratio); `next()` moves on.
 */
function eachMember(
  input: ZipInput,
  limits: ZipLimits,
  onEntry: (zip: yauzl.ZipFile, entry: yauzl.Entry, fail: Refusal) => void,
  onEnd: () => void,
  reject: (error: AppFailure) => void,
): void {
  openZip(input, (openError, zip) => {
    if (openError || !zip) return reject(refuse('the zip is damaged or not a zip file'));
    let members = 0;
    let total = 0;
    let failed = false;
    const fail: Refusal = (error) => {
      if (failed) return;
      failed = true;
      zip.close();
      reject(error);
    };
    // yauzl itself refuses absolute and ".." member names as it reads the directory.
    zip.on('error', (error: Error) => fail(refuse(/path/i.test(error.message) ? UNSAFE : 'the zip is damaged')));
    zip.on('end', () => {
      if (!failed) onEnd();
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (unsafeMemberName(name)) return fail(refuse(UNSAFE));
      if (name.endsWith('/')) return zip.readEntry();
      members += 1;
      if (members > limits.maxMembers) return fail(refuse(`the zip has more than ${limits.maxMembers} members`));
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) return fail(refuse('the zip unpacks to more than CodeDesk accepts (a zip bomb?)'));
      if (entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        return fail(refuse('a member of the zip is compressed far beyond any real file (a zip bomb?)'));
      }
      onEntry(zip, entry, fail);
    });
    zip.readEntry();
  });
}

/** Names and first `headBytes` bytes of every member: enough to plan, without inflating whole members. */
export function listZipMembers(zipPath: string, headBytes: number, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipMemberHead[]> {
  return new Promise((resolve, reject) => {
    const members: ZipMemberHead[] = [];
    eachMember(
      zipPath,
      limits,
      (zip, entry, fail) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(refuse('a member of the zip could not be read'));
          const chunks: Buffer[] = [];
          let size = 0;
          let done = false;
          const finish = () => {
            if (done) return;
            done = true;
            members.push({ name: entry.fileName, head: Buffer.concat(chunks).subarray(0, headBytes) });
            zip.readEntry();
          };
          stream.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= headBytes) {
              // Enough to sniff: the rest is inflated only when the member is imported.
              stream.destroy();
              finish();
            }
          });
          stream.on('error', () => {
            if (!done) fail(refuse('a member of the zip is damaged'));
          });
          stream.on('end', finish);
        });
      },
      () => resolve(members),
      reject,
    );
  });
}

/** Inflates one member to `outPath` as a stream, stopping it if it grows beyond its declared size. */
export function extractZipMember(zipPath: string, member: string, outPath: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<void> {
  return new Promise((resolve, reject) => {
    let found = false;
    eachMember(
      zipPath,
      limits,
      (zip, entry, fail) => {
        if (entry.fileName !== member) return zip.readEntry();
        found = true;
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(refuse('a member of the zip could not be read'));
          const out = createWriteStream(outPath);
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            // validateEntrySizes also stops a member that inflates beyond its declared size.
            if (size > entry.uncompressedSize) stream.destroy(new Error('too large'));
          });
          pipeline(stream, out).then(
            () => {
              zip.close();
              resolve();
            },
            () => fail(refuse('a member of the zip is damaged')),
          );
        });
      },
      () => {
        if (!found) reject(refuse('a member of the zip could not be read'));
      },
      reject,
    );
  });
}

/** The wanted members, inflated whole into memory (the parts of an xlsx workbook); others are skipped. */
export function readZipMembers(input: ZipInput, wanted: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const members = new Map<string, Buffer>();
    eachMember(
      input,
      limits,
      (zip, entry, fail) => {
        if (!wanted(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(refuse('a member of the zip could not be read'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          // validateEntrySizes stops a member that inflates beyond its declared (and limited) size.
          stream.on('error', () => fail(refuse('a member of the zip is damaged')));
          stream.on('end', () => {
            members.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      },
      () => resolve(members),
      reject,
    );
  });
}
