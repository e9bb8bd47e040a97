/**
 * Control characters have no place in code-set text: a NUL or an ESC in a title means a
 * damaged or doctored file, and an ANSI escape sequence stored as a title would later drive
 * the terminal that prints it. Refused: C0 controls except TAB (a separator in several
 * formats) and LF (and CR right before LF), DEL, and C1 controls (U+0080-U+009F).
 */

/** A control character's name for messages: "ESC (U+001B)". */
export function controlName(code: number): string {
  const names: Record<number, string> = { 0x00: 'NUL', 0x0c: 'form feed', 0x0d: 'a lone carriage return', 0x1b: 'ESC', 0x7f: 'DEL' };
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = names[code];
  return name ? `${name} (${hex})` : hex;
}

export const controlReason = (code: number): string =>
  `a control character, ${controlName(code)}, is not allowed in code-set text (the file is damaged or not an official file)`;

const isControl = (code: number, allowed: ReadonlySet<number>): boolean =>
  !allowed.has(code) && (code < 0x20 || (code >= 0x7f && code <= 0x9f));

const XML_WHITESPACE = new Set([0x09, 0x0a, 0x0d]);

/** The first control character in decoded text (TAB, LF and CR allowed: XML whitespace), or null. */
export function controlCharIn(text: string): number | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code, XML_WHITESPACE)) return code;
  }
  return null;
}

/**
 * Finds the first control character in a text file fed as byte chunks, with its line.
 * C1 is looked for in its UTF-8 form (C2 80-9F); in a Windows-1252 file bytes 80-9F are
 * printable characters and are left alone.
 */
export class ControlCharScan {
  /** The first one found: its code and 1-based line; null while none. */
  found: { code: number; line: number } | null = null;
  private line = 1;
  private previous = -1;

  push(bytes: Uint8Array): void {
    if (this.found) return;
    for (const byte of bytes) {
      const previous = this.previous;
      this.previous = byte;
      if (previous === 0x0d && byte !== 0x0a) return this.fail(0x0d);
      if (previous === 0xc2 && byte >= 0x80 && byte <= 0x9f) return this.fail(byte);
      if (byte === 0x0a) this.line += 1;
      else if (byte !== 0x09 && byte !== 0x0d && (byte < 0x20 || byte === 0x7f)) return this.fail(byte);
    }
  }

  /** After the last chunk: a CR as the very last byte is a lone one. */
  end(): void {
    if (!this.found && this.previous === 0x0d) this.fail(0x0d);
  }

  private fail(code: number): void {
    this.found = { code, line: this.line };
  }
}
