/** NDJSON lines of a byte stream, each with its 1-based number and byte range (to find a Binary again later). */
import type { Readable } from 'node:stream';

export interface NdjsonLine {
  number: number;
  text: string;
  start: number;
  bytes: number;
}

const NEWLINE = 0x0a;

function lineOf(parts: Buffer[], number: number, start: number): NdjsonLine {
  const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  const text = buffer.toString('utf8').replace(/\r$/, '');
  return { number, text, start, bytes: buffer.length };
}

/** Every line, blank ones included (so numbers match an editor's), split on \n; a trailing \r is dropped. */
export async function* ndjsonLines(stream: Readable): AsyncGenerator<NdjsonLine> {
  let parts: Buffer[] = [];
  let number = 1;
  let lineStart = 0;
  let offset = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      parts.push(chunk.subarray(from, at));
      yield lineOf(parts, number, lineStart);
      parts = [];
      number += 1;
      lineStart = offset + at + 1;
      from = at + 1;
    }
    if (from < chunk.length) parts.push(chunk.subarray(from));
    offset += chunk.length;
  }
  if (parts.length > 0) yield lineOf(parts, number, lineStart);
}
