/**
 * HL7 v2 escape sequences (v2.5 section 2.7), decoded after the parser has split a value on its
 * separators, so an escaped separator stays text. Formatting commands that only change layout
 * (\.in\, \.ti\, \.ce\, \.fi\, \.nf\, \.sk\), highlighting (\H\ \N\) and character-set switches
 * (\C..\ \M..\) and local escapes (\Z..\) are dropped; their text around them is kept.
 */
import type { Hl7Context } from '@medplum/core';

function hexText(hex: string): string {
  if (!/^(?:[0-9A-Fa-f]{2})+$/.test(hex)) return '';
  const bytes = Buffer.from(hex, 'hex');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function escapeValue(body: string, context: Hl7Context): string {
  switch (body) {
    case 'F':
      return context.fieldSeparator;
    case 'S':
      return context.componentSeparator;
    case 'T':
      return context.subcomponentSeparator;
    case 'R':
      return context.repetitionSeparator;
    case 'E':
      return context.escapeCharacter;
    case 'P': // v2.7 truncation character; v2.5 senders use '#' when they send it at all.
      return '#';
    case '.br':
      return '\n';
  }
  const skip = /^\.sp\s*(\d*)$/.exec(body);
  if (skip) return '\n'.repeat(Math.max(1, Number(skip[1] || '1')));
  if (body.startsWith('X')) return hexText(body.slice(1));
  return '';
}

function regexEscape(char: string): string {
  return char.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

const patterns = new Map<string, RegExp>();

export function decodeEscapes(value: string, context: Hl7Context): string {
  const esc = context.escapeCharacter;
  if (!esc || !value.includes(esc)) return value;
  let pattern = patterns.get(esc);
  if (!pattern) {
    const e = regexEscape(esc);
    pattern = new RegExp(`${e}([^${e}]{1,1024})${e}`, 'g');
    patterns.set(esc, pattern);
  }
  return value.replace(pattern, (_, body: string) => escapeValue(body, context));
}
