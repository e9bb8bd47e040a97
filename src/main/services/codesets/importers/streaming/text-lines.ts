/**
 * Lines from text that arrives in pieces: a line (or its CRLF) may be split across pieces,
 * and one line may span many. Lines end at LF; a CR right before the LF is dropped. Only
 * the current line is held, and a line longer than `maxLineChars` is refused, so a file with
 * no line breaks at all cannot fill memory.
 */
import { importFailure } from '../../import-failure';

export interface TextLine {
  text: string;
  /** 1-based. */
  line: number;
}

export interface LineOptions {
  /** File name, for the error on an over-long line. */
  file: string;
  maxLineChars?: number;
}

export const DEFAULT_MAX_LINE_CHARS = 1_000_000;

export class LineReader implements Iterable<TextLine> {
  /** After the lines are read: whether the last non-blank line ended with a line break. */
  terminated = false;
  /** After the lines are read: how many lines there were (a final empty piece is not a line). */
  count = 0;

  constructor(
    private readonly pieces: Iterable<string>,
    private readonly options: LineOptions,
  ) {}

  *[Symbol.iterator](): Generator<TextLine> {
    const max = this.options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
    let pending = '';
    let line = 0;
    let sawBreak = false;
    let blankSinceBreak = true;
    for (const piece of this.pieces) {
      let from = 0;
      for (let at = piece.indexOf('\n'); at !== -1; at = piece.indexOf('\n', from)) {
        const text = pending + piece.slice(from, at);
        pending = '';
        from = at + 1;
        line += 1;
        sawBreak = true;
        blankSinceBreak = true;
        yield { text: text.endsWith('\r') ? text.slice(0, -1) : text, line };
      }
      const rest = piece.slice(from);
      if (rest.trim() !== '') blankSinceBreak = false;
      pending += rest;
      if (pending.length > max) {
        throw importFailure(this.options.file, line + 1, `the line is longer than ${max} characters`);
      }
    }
    this.terminated = sawBreak && blankSinceBreak;
    if (pending !== '') {
      line += 1;
      yield { text: pending, line };
    }
    this.count = line;
  }
}

/**
 * Holds back blank lines until a non-blank one follows, so that blank lines at the end of a
 * file are dropped (as the whole-text readers did) while blank lines inside are still seen.
 */
export function* withoutTrailingBlanks(lines: Iterable<TextLine>): Generator<TextLine> {
  // Only the run's first line number and length are kept, never its text.
  let heldFrom = 0;
  let held = 0;
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (held === 0) heldFrom = line.line;
      held += 1;
      continue;
    }
    for (let i = 0; i < held; i++) yield { text: '', line: heldFrom + i };
    held = 0;
    yield line;
  }
}
