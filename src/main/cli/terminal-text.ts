/**
 * Text from data (titles, names, file names) made safe for a terminal: an ESC or CSI taken
 * from a file would otherwise be obeyed by the terminal that prints it (clear the screen,
 * rewrite earlier lines, set the window title). Controls other than LF and TAB, DEL, C1 and
 * the bidirectional overrides become U+FFFD; everything else is left as it is.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

/** JSON.stringify escapes C0 itself but writes DEL, C1 and the overrides raw: those become \\u escapes (still the same JSON). */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The CLI's one way to print text to stdout. */
export function printText(text: string): void {
  process.stdout.write(terminalSafe(text));
}
