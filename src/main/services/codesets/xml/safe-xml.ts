/**
 * A streaming XML reader for official files that refuses hostile structure: no DOCTYPE (so
 * no entity expansion, no external entities), bounded nesting depth, bounded text per node.
 * Errors become importFailure(file, line, reason) and never quote the file's content.
 */
import { SaxesParser } from 'saxes';
import { importFailure } from '../import-failure';
import { controlCharIn, controlReason } from '../importers/control-chars';

export const MAX_XML_DEPTH = 64;
export const MAX_TEXT_CHARS = 100_000;

export interface XmlHandlers {
  open?(name: string, attrs: Readonly<Record<string, string>>, depth: number, line: number): void;
  text?(text: string, depth: number): void;
  close?(name: string, depth: number, line: number): void;
}

/**
 * Reads the document, calling handlers in order; throws importFailure on bad XML. The text
 * may come in pieces (a file decoded chunk by chunk): saxes keeps its place across them, so
 * an element or a character reference may be split anywhere.
 */
export function readXml(file: string, xml: string | Iterable<string>, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: true });
  let depth = 0;
  let failure: Error | null = null;
  let failureLine = 0;
  const fail = (reason: string): never => {
    throw importFailure(file, parser.line, reason);
  };
  // Raw control bytes are refused before parsing (verify-release.ts); these come as character references (&#x9B;).
  const refuseControls = (text: string): void => {
    const code = controlCharIn(text);
    if (code !== null) fail(controlReason(code));
  };
  parser.on('doctype', () => fail('a DOCTYPE declaration is not allowed in code-set XML'));
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth > MAX_XML_DEPTH) fail(`elements are nested deeper than ${MAX_XML_DEPTH} levels`);
    for (const value of Object.values(tag.attributes as Record<string, string>)) refuseControls(value);
    handlers.open?.(tag.name, tag.attributes as Record<string, string>, depth, parser.line);
  });
  parser.on('text', (text) => {
    if (text.length > MAX_TEXT_CHARS) fail(`a text node is longer than ${MAX_TEXT_CHARS} characters`);
    refuseControls(text);
    handlers.text?.(text, depth);
  });
  parser.on('closetag', (tag) => {
    handlers.close?.(tag.name, depth, parser.line);
    depth -= 1;
  });
  parser.on('error', (e) => {
    if (failure) return;
    failure = e;
    failureLine = parser.line;
  });
  try {
    if (typeof xml === 'string') parser.write(xml);
    else
      for (const piece of xml) {
        // The first error is the one reported; the rest of the file need not be read.
        if (failure) break;
        parser.write(piece);
      }
    parser.close();
  } catch (e) {
    if (e instanceof Error && e.name === 'AppFailure') throw e;
    if (!failure) {
      failure = e instanceof Error ? e : new Error('XML error');
      failureLine = parser.line;
    }
  }
  if (failure) {
    // saxes messages carry position and a description, not content.
    const reason = (failure as Error).message.replace(/^.*?:\d+:\d+: /, '').slice(0, 120);
    throw importFailure(file, failureLine, `not well-formed XML (${reason})`);
  }
}

/** A small element tree, for importers that read one record element at a time. */
export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: (XmlElement | string)[];
  line: number;
}

/** Text content of an element and its descendants, whitespace collapsed. */
export function textOf(el: XmlElement): string {
  return el.children
    .map((c) => (typeof c === 'string' ? c : textOf(c)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export const childElements = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));

/**
 * Streams the document and hands over each record element as a tree (records are not nested
 * inside each other): those named `record`, or for which `record(name, depth, line)` is true
 * (asked only outside a record; the root is depth 1). Memory stays bounded by the largest record.
 */
export function readRecords(
  file: string,
  xml: string | Iterable<string>,
  record: string | ((name: string, depth: number, line: number) => boolean),
  onRecord: (el: XmlElement) => void,
): void {
  const isRecord = typeof record === 'string' ? (name: string) => name === record : record;
  const stack: XmlElement[] = [];
  readXml(file, xml, {
    open(name, attrs, depth, line) {
      if (stack.length === 0 && !isRecord(name, depth, line)) return;
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
