/**
 * Shared plumbing of the three ICD-10-PCS XML importers: sniffing the root element, decoding
 * the bytes, finding the fiscal year, and streaming the document as small element trees.
 */
import { createHash } from 'node:crypto';
import { importFailure } from '../../import-failure';
import { fiscalYearFromName } from '../../source-files';
import { readXml, textOf, type XmlElement } from '../../xml/safe-xml';
import type { ImportSource } from '../types';

/** PCS values are one character: a digit or a letter other than I and O. */
export const PCS_CHAR = /^[0-9A-HJ-NP-Z]$/;
/** A full code, a partial code or a table in the index: 3 to 7 PCS characters. */
export const PCS_PARTIAL = /^[0-9A-HJ-NP-Z]{3,7}$/;

/** Skips the XML declaration, comments, processing instructions and a DOCTYPE (refused later). */
const PROLOG = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)*/;

/** True when the document's first element is `root` (judged from the file's first bytes). */
export function hasRoot(head: string, root: string): boolean {
  const rest = head.replace(PROLOG, '');
  return rest.startsWith(`<${root}`) && /^[\s>/]/.test(rest.slice(root.length + 1));
}

/** The text of the file: UTF-8 as the official files declare (latin1 if the file says so). */
export function decodeXml(name: string, bytes: Buffer): string {
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'));
  const encoding = (declared?.[1] ?? 'utf-8').toLowerCase();
  if (encoding === 'iso-8859-1' || encoding === 'latin1' || encoding === 'windows-1252') {
    return new TextDecoder('windows-1252').decode(bytes);
  }
  if (encoding !== 'utf-8' && encoding !== 'utf8') {
    throw importFailure(name, 1, 'the XML declares an encoding CodeDesk does not read (expected UTF-8)');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw importFailure(name, lineOfBadUtf8(bytes), 'the file is not valid UTF-8 text, as its XML declaration says it is');
  }
}

function lineOfBadUtf8(bytes: Buffer): number {
  // Find the first byte where strict decoding fails, by halving.
  let lo = 0;
  let hi = bytes.length;
  const ok = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The fiscal year: from `<version>` near the start of the file, else from its name. */
export function fiscalYearOf(source: Pick<ImportSource, 'name' | 'head'>, expected: string): number {
  const version = /<version>\s*(\d{4})\s*<\/version>/.exec(source.head);
  const year = version ? Number(version[1]) : fiscalYearFromName(source.name);
  if (year === null || year < 2016 || year > 2100) {
    throw importFailure(source.name, 0, `no fiscal year in the ${expected} (no <version> and no year in the file name)`);
  }
  return year;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Streams the document: checks the root element, then hands over each element for which
 * `isRecord(name, depth)` is true as a tree (records never nest). The root is depth 1.
 */
export function readTrees(
  file: string,
  xml: string,
  root: string,
  isRecord: (name: string, depth: number) => boolean,
  onRecord: (el: XmlElement) => void,
): void {
  const stack: XmlElement[] = [];
  readXml(file, xml, {
    open(name, attrs, depth, line) {
      if (depth === 1 && name !== root) throw importFailure(file, line, `the root element is not <${root}>`);
      if (stack.length === 0 && !isRecord(name, depth)) return;
      const el: XmlElement = { name, attrs, children: [], line };
      stack[stack.length - 1]?.children.push(el);
      stack.push(el);
    },
    text(text) {
      stack[stack.length - 1]?.children.push(text);
    },
    close() {
      const el = stack.pop();
      if (el && stack.length === 0) onRecord(el);
    },
  });
}

/** Text of the first child named `name`, or null when there is none or it is empty. */
export function childText(el: XmlElement, name: string): string | null {
  const child = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
  if (!child) return null;
  const text = textOf(child);
  return text === '' ? null : text;
}

/** The element's own text, without the text of its child elements. */
export function ownText(el: XmlElement): string {
  return el.children
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
