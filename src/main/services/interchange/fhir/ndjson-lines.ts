/** NDJSON lines of a byte stream, each with its 1-based number, split on bytes so a long line costs one join. */
import type { Readable } from 'node:stream';

export interface NdjsonLine {
  number: number;
  text: string;
}

const NEWLINE = 0x0a;

function lineOf(parts: Buffer[], number: number): NdjsonLine {
  const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return { number, text: buffer.toString('utf8').replace(/\r$/, '') };
}

/** Every line, blank ones included (so numbers match an editor's), split on \n; a trailing \r is dropped. */
export async function* ndjsonLines(stream: Readable): AsyncGenerator<NdjsonLine> {
  let parts: Buffer[] = [];
  let number = 1;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      parts.push(chunk.subarray(from, at));
      yield lineOf(parts, number);
      parts = [];
      number += 1;
      from = at + 1;
    }
    if (from < chunk.length) parts.push(chunk.subarray(from));
  }
  if (parts.length > 0) yield lineOf(parts, number);
}
