/**
 * Shared plumbing of the three ICD-10-PCS XML importers: sniffing the root element, decoding
 * the bytes, finding the fiscal year, and streaming the document as small element trees.
 */
import { importFailure } from '../../import-failure';
import { fiscalYearFromName } from '../../source-files';
import { readRecords, textOf, type XmlElement } from '../../xml/safe-xml';
import { decodeChunks, type TextEncodingName } from '../../text-decoding';
import type { SourceScan } from '../streaming/source-scan';
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

/**
 * The encoding to decode the file with: UTF-8 as the official files declare (Windows-1252 if
 * the file says latin1). A file that claims UTF-8 but is not is refused at its first bad line.
 */
export function xmlEncoding(name: string, head: string, scan: SourceScan): TextEncodingName {
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head.slice(0, 200));
  const encoding = (declared?.[1] ?? 'utf-8').toLowerCase();
  if (encoding === 'iso-8859-1' || encoding === 'latin1' || encoding === 'windows-1252') return 'windows-1252';
  if (encoding !== 'utf-8' && encoding !== 'utf8') {
    throw importFailure(name, 1, 'the XML declares an encoding CodeDesk does not read (expected UTF-8)');
  }
  if (scan.notUtf8Line !== null) {
    throw importFailure(name, scan.notUtf8Line, 'the file is not valid UTF-8 text, as its XML declaration says it is');
  }
  return 'utf-8';
}

/** The file as decoded pieces (see xmlEncoding); one more pass over it on every call. */
export function xmlPieces(source: Pick<ImportSource, 'chunks'>, encoding: TextEncodingName): Iterable<string> {
  return { [Symbol.iterator]: () => decodeChunks(source.chunks(), encoding) };
}

/** How many times `<tag` opens an element in the pieces (for a progress total), holding one piece at a time. */
export function countTags(pieces: Iterable<string>, tag: string): number {
  const re = new RegExp(`<${tag}[\\s>]`, 'g');
  // A tag split across two pieces is found in the carried tail; a match is never counted twice
  // because the tail is shorter than the shortest match.
  const keep = tag.length + 1;
  let tail = '';
  let count = 0;
  for (const piece of pieces) {
    const text = tail + piece;
    count += text.match(re)?.length ?? 0;
    tail = text.slice(Math.max(0, text.length - keep));
  }
  return count;
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

/**
 * Streams the document: checks the root element, then hands over each element for which
 * `isRecord(name, depth)` is true as a tree (records never nest). The root is depth 1.
 */
export function readTrees(
  file: string,
  xml: string | Iterable<string>,
  root: string,
  isRecord: (name: string, depth: number) => boolean,
  onRecord: (el: XmlElement) => void,
): void {
  readRecords(
    file,
    xml,
    (name, depth, line) => {
      // The root opens outside any record, so the predicate sees it first.
      if (depth === 1 && name !== root) throw importFailure(file, line, `the root element is not <${root}>`);
      return isRecord(name, depth);
    },
    onRecord,
  );
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
