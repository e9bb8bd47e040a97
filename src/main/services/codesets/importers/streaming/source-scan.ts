/**
 * The first of an importer's two passes over a file, in chunks: its SHA-256 (recorded with
 * the import, needed before the first row is written), its line count (the total for
 * progress events) and whether it is well-formed UTF-8 (which decides how text is decoded).
 */
import { createHash } from 'node:crypto';
import { decodeChunks } from '../../text-decoding';
import type { ImportSource } from '../types';
import { LineReader } from './text-lines';
import { Utf8Check } from './utf8-check';

export interface SourceScan {
  sha256: string;
  /** Line-feed count, plus one when the last line has none: the lines a reader will see. */
  lines: number;
  /** Line feeds in the file. */
  newlines: number;
  bytes: number;
  /** The line of the first byte that is not UTF-8, or null when the whole file is UTF-8. */
  notUtf8Line: number | null;
}

export function scanSource(source: Pick<ImportSource, 'chunks'>): SourceScan {
  const hash = createHash('sha256');
  // The native decoder checks UTF-8 fast; its output is dropped.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let isUtf8 = true;
  let newlines = 0;
  let bytes = 0;
  let lastByte = 0x0a;
  for (const chunk of source.chunks()) {
    if (chunk.length === 0) continue;
    hash.update(chunk);
    if (isUtf8) isUtf8 = decodes(utf8, chunk, true);
    bytes += chunk.length;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) newlines += 1;
    lastByte = chunk[chunk.length - 1] ?? lastByte;
  }
  if (isUtf8) isUtf8 = decodes(utf8, new Uint8Array(0), false);
  const lines = newlines + (lastByte === 0x0a ? 0 : 1);
  // Only a file that is not UTF-8 pays for finding the line of its first bad byte.
  return { sha256: hash.digest('hex'), lines, newlines, bytes, notUtf8Line: isUtf8 ? null : firstBadUtf8Line(source) };
}

function decodes(decoder: InstanceType<typeof TextDecoder>, chunk: Uint8Array, stream: boolean): boolean {
  try {
    decoder.decode(chunk, { stream });
    return true;
  } catch {
    return false;
  }
}

function firstBadUtf8Line(source: Pick<ImportSource, 'chunks'>): number {
  const check = new Utf8Check();
  for (const chunk of source.chunks()) {
    check.push(chunk);
    if (check.badLine !== null) return check.badLine;
  }
  check.end();
  return check.badLine ?? 1;
}

/** The file as text pieces: UTF-8 when the scan found it well-formed, else Windows-1252 (see text-decoding.ts). */
export function sourceText(source: Pick<ImportSource, 'chunks'>, scan: SourceScan): Generator<string> {
  return decodeChunks(source.chunks(), scan.notUtf8Line === null ? 'utf-8' : 'windows-1252');
}

/** The file's lines, decoded as sourceText does. */
export function sourceLines(source: Pick<ImportSource, 'chunks' | 'name'>, scan: SourceScan, maxLineChars?: number): LineReader {
  return new LineReader(sourceText(source, scan), { file: source.name, maxLineChars });
}
