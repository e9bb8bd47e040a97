/**
 * Cuts the text of an HL7 v2 file into messages, keeping the 1-based line of every segment so a
 * refusal can name where its message starts. A "line" is what an editor shows: segments end at
 * CR, LF or CRLF, so a CR-only file numbers its segments 1, 2, 3… like an LF file would.
 *
 * Tolerated around the messages: a byte-order mark, MLLP framing (0x0B before a message, 0x1C
 * after it), blank lines, and FHS/BHS/BTS/FTS batch wrappers (dropped: they carry no visit).
 */

export interface RawSegment {
  line: number;
  text: string;
}

/** The segments of one message; `headerless` when they came with no MSH before them. */
export interface RawMessage {
  line: number;
  segments: RawSegment[];
  headerless: boolean;
}

const BATCH_SEGMENTS = new Set(['FHS', 'BHS', 'BTS', 'FTS']);
// 0x0B starts an MLLP block, 0x1C ends it; either may share a line with a segment.
const FRAMING = /[\x0b\x1c]/g;

export function splitMessages(text: string): RawMessage[] {
  const messages: RawMessage[] = [];
  let current: RawMessage | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const segment = rawLine.replace(FRAMING, '');
    if (segment.trim() === '') return;
    const name = segment.slice(0, 3);
    if (BATCH_SEGMENTS.has(name)) {
      current = null; // A batch header or trailer ends the message before it.
      return;
    }
    if (name === 'MSH') {
      current = { line, segments: [], headerless: false };
      messages.push(current);
    } else if (!current) {
      current = { line, segments: [], headerless: true };
      messages.push(current);
    }
    current.segments.push({ line, text: segment });
  });
  return messages;
}

/** Whether text holds any message at all (a file without one is not HL7 v2). */
export function holdsMsh(messages: readonly RawMessage[]): boolean {
  return messages.some((m) => !m.headerless);
}
