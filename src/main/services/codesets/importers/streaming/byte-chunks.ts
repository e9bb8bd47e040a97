/**
 * Files are read in fixed-size chunks, never whole: an import's memory must not grow with the
 * size of the file. Synchronous reads are fine here: importers run in the import worker.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Large enough that reading costs little per byte, small next to any memory budget. */
export const DEFAULT_CHUNK_BYTES = 256 * 1024;

/** The file's bytes, chunk by chunk. Each chunk is a fresh buffer (callers may keep it). */
export function* fileChunks(path: string, chunkBytes = DEFAULT_CHUNK_BYTES): Generator<Uint8Array> {
  if (!(chunkBytes >= 1)) throw new RangeError('chunkBytes must be at least 1');
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(chunkBytes);
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** Bytes already in memory (a small zip member, a test's fixture) cut into the same chunks. */
export function* bufferChunks(bytes: Uint8Array, chunkBytes = DEFAULT_CHUNK_BYTES): Generator<Uint8Array> {
  if (!(chunkBytes >= 1)) throw new RangeError('chunkBytes must be at least 1');
  for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
}
