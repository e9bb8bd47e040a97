/**
 * One raw message → a medplum Hl7Message and its type, or the reason it cannot be read. The checks
 * here are the ones a parser that trusts its input skips: a header with real encoding characters,
 * every line a segment, one patient per message.
 */
import { Hl7Message } from '@medplum/core';
import type { RawMessage } from './split-messages';
import { safeCode, value } from './values';

export type ParsedMessage = { ok: true; message: Hl7Message; type: string } | { ok: false; reason: string };

const NOT_SEPARATOR = /[A-Za-z0-9\s]/;

/** MSH-1 and MSH-2: a field separator, then 4 distinct encoding characters (5 with v2.7's truncation). */
function encodingProblem(msh: string): string | null {
  const fieldSep = msh.charAt(3);
  if (!fieldSep || NOT_SEPARATOR.test(fieldSep)) return 'The MSH field separator is missing or not a separator';
  const end = msh.indexOf(fieldSep, 4);
  const encoding = end < 0 ? msh.slice(4) : msh.slice(4, end);
  const chars = [...encoding];
  const valid =
    (chars.length === 4 || chars.length === 5) &&
    new Set(chars).size === chars.length &&
    chars.every((c) => !NOT_SEPARATOR.test(c) && c !== fieldSep);
  return valid ? null : 'The MSH-2 encoding characters are not four distinct separators';
}

export function parseMessage(raw: RawMessage): ParsedMessage {
  if (raw.headerless) return { ok: false, reason: 'Segments with no MSH header before them' };
  const msh = raw.segments[0]!.text;
  const problem = encodingProblem(msh);
  if (problem) return { ok: false, reason: problem };
  const fieldSep = msh.charAt(3);
  const notSegment = raw.segments.find((s) => !/^[A-Z][A-Z0-9]{2}$/.test(s.text.slice(0, 3)) || (s.text.length > 3 && s.text.charAt(3) !== fieldSep));
  if (notSegment) return { ok: false, reason: `Line ${notSegment.line} is not an HL7 segment` };
  if (raw.segments.filter((s) => s.text.startsWith('PID')).length > 1) {
    return { ok: false, reason: 'Two PID segments in one message (is an MSH header missing?)' };
  }
  let message: Hl7Message;
  try {
    message = Hl7Message.parse(raw.segments.map((s) => s.text).join('\r'));
  } catch {
    return { ok: false, reason: 'The HL7 parser could not read the message' };
  }
  const code = value(message.header, 9, 1);
  const event = value(message.header, 9, 2) || value(message.getSegment('EVN'), 1);
  if (!code) return { ok: false, reason: 'No message type (MSH-9)' };
  return { ok: true, message, type: event ? `${safeCode(code)}^${safeCode(event)}` : safeCode(code) };
}
