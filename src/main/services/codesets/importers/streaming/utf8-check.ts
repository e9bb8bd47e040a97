/**
 * A byte-at-a-time UTF-8 well-formedness check that can be fed in chunks (a character may
 * be split across two), and that knows the line of the first bad byte, for the message.
 * It accepts exactly what TextDecoder('utf-8', { fatal: true }) accepts: no overlong forms,
 * no surrogates, nothing above U+10FFFF, no character cut short at the end.
 */
export class Utf8Check {
  /** Continuation bytes still expected for the current character. */
  private needed = 0;
  /** Allowed range of the next continuation byte (narrower after E0, ED, F0, F4). */
  private low = 0x80;
  private high = 0xbf;
  private line = 1;
  /** The 1-based line of the first bad byte, or null while everything so far is well-formed. */
  badLine: number | null = null;

  push(bytes: Uint8Array): void {
    if (this.badLine !== null) return;
    for (const byte of bytes) {
      if (this.needed > 0) {
        if (byte < this.low || byte > this.high) return this.fail();
        this.needed -= 1;
        this.low = 0x80;
        this.high = 0xbf;
        continue;
      }
      if (byte === 0x0a) this.line += 1;
      if (byte < 0x80) continue;
      if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        this.needed = 2;
        if (byte === 0xe0) this.low = 0xa0;
        if (byte === 0xed) this.high = 0x9f;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        this.needed = 3;
        if (byte === 0xf0) this.low = 0x90;
        if (byte === 0xf4) this.high = 0x8f;
      } else return this.fail();
    }
  }

  /** Call after the last chunk: a character cut short at the end is an error too. */
  end(): void {
    if (this.needed > 0 && this.badLine === null) this.fail();
  }

  get valid(): boolean {
    return this.badLine === null;
  }

  private fail(): void {
    this.badLine = this.line;
  }
}
