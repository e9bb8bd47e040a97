/** The official files are ASCII; UTF-8 is taken as such (BOM dropped), anything else as Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export type TextEncodingName = 'utf-8' | 'windows-1252';

/**
 * Decodes chunk by chunk: a character split across two chunks comes out whole, in the later
 * piece. A UTF-8 BOM is dropped. The encoding must be known first (see importers/streaming/source-scan.ts),
 * so that a file is never half UTF-8, half Windows-1252.
 */
export function* decodeChunks(chunks: Iterable<Uint8Array>, encoding: TextEncodingName): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  for (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
