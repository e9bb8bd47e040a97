/**
 * Find-in-chart on rendered documents, one way for every type: a document's searchable text is
 * the text of its DOM read in order (`textOf`), and matches found in that text are marked back
 * in the same DOM (`markMatches`). Text, sanitised HTML and each PDF page's text layer are all
 * marked this way, so what is counted is exactly what is highlighted.
 */
import type { TextMatch } from './find';

// A block ends a line, a table cell a column: "chest" in one paragraph and "pain" in the next
// is not "chest pain". These separators are in the text but in no text node, so never marked.
const LINE_AFTER = new Set([
  'P', 'DIV', 'LI', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'CAPTION', 'UL', 'OL', 'DL', 'DT', 'DD',
  'PRE', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'HR',
]);
const TAB_AFTER = new Set(['TD', 'TH']);

interface Piece {
  node: Text;
  /** Offset of the node's first character in the root's text. */
  start: number;
  /** Its length when read (marking shortens the node as it splits it). */
  length: number;
}

function walk(root: Node): { text: string; pieces: Piece[] } {
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let length = 0;
  const add = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const text = node as Text;
      pieces.push({ node: text, start: length, length: text.data.length });
      add(text.data);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const name = node.nodeName;
    if (name === 'BR') return add('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (node !== root && LINE_AFTER.has(name)) add('\n');
    else if (node !== root && TAB_AFTER.has(name)) add('\t');
  };
  visit(root);
  return { text: parts.join(''), pieces };
}

/** The searchable text of a rendered document (or of one PDF page's text layer). */
export const textOf = (root: Node): string => walk(root).text;

/** Removes every mark under root, leaving the text as it was. */
export function clearMarks(root: Element): void {
  const marks = root.querySelectorAll('mark[data-match]');
  if (marks.length === 0) return;
  marks.forEach((mark) => mark.replaceWith(...Array.from(mark.childNodes)));
  root.normalize();
}

/**
 * Marks `matches` (offsets in textOf(root) plus `offset`) as <mark data-match=i>, splitting text
 * nodes as needed; a match across several nodes (PDF text runs) gets one mark per node.
 */
export function markMatches(root: Element, matches: readonly TextMatch[], offset = 0, firstIndex = 0): void {
  clearMarks(root);
  if (matches.length === 0) return;
  const { pieces } = walk(root);
  // Last match first, last node first: splitting a node keeps its earlier offsets valid.
  let p = pieces.length - 1;
  for (let m = matches.length - 1; m >= 0; m--) {
    const start = matches[m]!.start - offset;
    const end = matches[m]!.end - offset;
    while (p >= 0 && pieces[p]!.start >= end) p--;
    for (let q = p; q >= 0 && pieces[q]!.start + pieces[q]!.length > start; q--) {
      const { node, start: at } = pieces[q]!;
      const from = Math.max(start, at) - at;
      const to = Math.min(end, at + node.data.length) - at;
      if (from >= to) continue;
      const tail = node.splitText(from);
      tail.splitText(to - from);
      const mark = node.ownerDocument.createElement('mark');
      mark.dataset.match = String(firstIndex + m);
      tail.replaceWith(mark);
      mark.append(tail);
    }
  }
}

/** Marks match `current` as the current one (class and aria-current); returns its first mark. */
export function setCurrentMark(root: Element, current: number): HTMLElement | null {
  let first: HTMLElement | null = null;
  root.querySelectorAll<HTMLElement>('mark[data-match]').forEach((mark) => {
    const isCurrent = mark.dataset.match === String(current);
    mark.className = isCurrent ? 'current' : '';
    if (isCurrent) mark.setAttribute('aria-current', 'true');
    else mark.removeAttribute('aria-current');
    if (isCurrent && !first) first = mark;
  });
  return first;
}

/**
 * Where a selection falls in a document's text as `textOf` reads it (the offsets a physician
 * query's clinical indicator keeps); null when the range is not inside `root`.
 */
export function spanOf(root: Node, range: Range): { start: number; end: number; text: string } | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const { text, pieces } = walk(root);
  const offsetAt = (container: Node, offset: number): number => {
    if (container.nodeType === 3) {
      const piece = pieces.find((p) => p.node === container);
      return piece ? piece.start + Math.min(offset, piece.length) : 0;
    }
    // A boundary between elements: the first text after it.
    const probe = document.createRange();
    probe.setStart(container, offset);
    const after = pieces.find((p) => probe.comparePoint(p.node, 0) >= 0);
    return after ? after.start : text.length;
  };
  const start = offsetAt(range.startContainer, range.startOffset);
  const end = offsetAt(range.endContainer, range.endOffset);
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}
