/**
 * Reading values out of parsed segments without tripping on what the sender left out: medplum's
 * own getters throw on a missing repetition, so these read its `components` arrays directly.
 * Every leaf value is escape-decoded and trimmed.
 */
import type { Hl7Field, Hl7Segment } from '@medplum/core';
import { decodeEscapes } from './escapes';

/** A value as an update sends it: undefined = not sent (keep), null = `""` (clear it). */
export type Sent<T> = T | null | undefined;

function fieldOf(seg: Hl7Segment | undefined, field: number): Hl7Field | undefined {
  return seg?.getField(field) as Hl7Field | undefined;
}

export function repetitionCount(seg: Hl7Segment | undefined, field: number): number {
  return fieldOf(seg, field)?.components.length ?? 0;
}

/** The raw (undecoded) text of one component, subcomponents and all. */
export function rawComponent(seg: Hl7Segment | undefined, field: number, component = 1, repetition = 0): string {
  return fieldOf(seg, field)?.components[repetition]?.[component - 1] ?? '';
}

/** One subcomponent (1-based, like HL7's own PV1-3.4.1), decoded and trimmed. */
export function value(seg: Hl7Segment | undefined, field: number, component = 1, sub = 1, repetition = 0): string {
  const raw = rawComponent(seg, field, component, repetition);
  if (!seg || raw === '') return '';
  const part = raw.split(seg.context.subcomponentSeparator)[sub - 1] ?? '';
  return decodeEscapes(part, seg.context).trim();
}

/** A repetition with its components put back together (for free text, where a stray ^ is text). */
export function repetitionText(seg: Hl7Segment, field: number, repetition: number): string {
  const parts = fieldOf(seg, field)?.components[repetition] ?? [];
  return decodeEscapes(parts.join(seg.context.componentSeparator), seg.context);
}

/** HL7's explicit null: the field holds exactly `""`, meaning "delete the value you have". */
export function isCleared(seg: Hl7Segment | undefined, field: number): boolean {
  const f = fieldOf(seg, field);
  return f?.components.length === 1 && f.components[0]?.length === 1 && f.components[0][0] === '""';
}

/** Reads a field as an update: cleared → null, empty → undefined, else what `read` makes of it. */
export function sent<T>(seg: Hl7Segment | undefined, field: number, read: (seg: Hl7Segment) => T | undefined): Sent<T> {
  if (!seg) return undefined;
  if (isCleared(seg, field)) return null;
  return read(seg);
}

/** A DT/DTM value ('YYYYMMDD[HHMM…][±ZZZZ]') as the ISO date the sender meant, or null. */
export function hl7Date(text: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Whole years from a birth date to a day, both ISO. */
export function yearsBetween(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** 'Family, Given Middle' from the name parts; '' when there is none. */
export function formatName(family: string, given: string, middle: string): string {
  const first = [given, middle].filter(Boolean).join(' ');
  return family && first ? `${family}, ${first}` : family || first;
}

/** A person in an XCN field (ID^family^given^middle…): the name, else the ID. */
export function providerName(seg: Hl7Segment | undefined, field: number): string {
  const name = formatName(value(seg, field, 2), value(seg, field, 3), value(seg, field, 4));
  return name || value(seg, field, 1);
}

/** Codes echoed into a refusal must be codes, not free text that might hold a name. */
export function safeCode(text: string): string {
  return /^[A-Za-z0-9_]{1,8}$/.test(text) ? text : 'an unreadable value';
}
