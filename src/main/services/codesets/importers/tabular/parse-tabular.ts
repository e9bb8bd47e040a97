/**
 * Parses a Tabular List XML file (root <ICD10CM.tabular>, any fiscal year) into flat lists of
 * nodes, notes and 7th-character definitions, streaming with the safe XML reader. Nothing is
 * written here: a bad file fails before the database is touched.
 */
import type { NoteKind } from '../../../../../shared/encoder';
import { NOTE_KINDS } from '../../../../../shared/encoder';
import { displayCode, hasCodeShape, normaliseCode } from '../../code-format';
import { importFailure } from '../../import-failure';
import { parseNoteRefs } from '../../tabular/refs';
import { readXml } from '../../xml/safe-xml';

export const TABULAR_ROOT = 'ICD10CM.tabular';

export type NodeKind = 'chapter' | 'section' | 'diag';
export type NodeLevel = 'chapter' | 'section' | 'category' | 'subcategory' | 'code';

export interface ParsedNode {
  kind: NodeKind;
  /** Chapter number, section id, or normalised code. */
  key: string;
  /** As shown: '4', 'E08-E13' (a one-category section 'B10' becomes 'B10-B10'), 'E11.65'. */
  code: string;
  title: string;
  /** Index of the parent in `nodes`; -1 for a chapter. */
  parent: number;
  level: NodeLevel;
  hasChildren: boolean;
  line: number;
}

export interface ParsedNote {
  node: number;
  kind: NoteKind;
  text: string;
  refs: string[];
}

export interface ParsedSeventh {
  node: number;
  char: string;
  title: string;
}

export interface ParsedTabular {
  /** Text of <version>, whitespace collapsed; null when absent. */
  version: string | null;
  nodes: ParsedNode[];
  notes: ParsedNote[];
  sevenths: ParsedSeventh[];
  diagCount: number;
}

const NOTE_KIND_SET: ReadonlySet<string> = new Set(NOTE_KINDS);
const NODE_ELEMENTS: ReadonlySet<string> = new Set(['chapter', 'section', 'diag']);
const SECTION_ID = /^[A-Z]\d[0-9A-Z](?:-[A-Z]\d[0-9A-Z])?$/;

type Frame =
  | { type: 'root' }
  | { type: 'node'; index: number }
  | { type: 'noteGroup'; node: number; kind: NoteKind }
  | { type: 'sevenDef'; node: number; chars: Set<string> }
  | { type: 'capture'; field: CaptureField; line: number; extension?: string }
  | { type: 'ignored' };

type CaptureField = 'version' | 'name' | 'desc' | 'note' | 'extension' | 'sevenNote';

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** `onLine(line)` is called now and then with the line being read, for progress. */
export function parseTabular(file: string, xml: string | Iterable<string>, onLine?: (line: number) => void): ParsedTabular {
  const out: ParsedTabular = { version: null, nodes: [], notes: [], sevenths: [], diagCount: 0 };
  const seen = new Set<string>();
  const stack: Frame[] = [];
  let text: string[] = [];
  let sawRoot = false;

  const top = (): Frame | undefined => stack[stack.length - 1];
  const nodeAt = (index: number): ParsedNode => out.nodes[index]!;

  function openNode(name: NodeKind, attrs: Readonly<Record<string, string>>, line: number): Frame {
    const parentFrame = top();
    const parent = parentFrame?.type === 'node' ? parentFrame.index : -1;
    const parentKind = parent >= 0 ? nodeAt(parent).kind : null;
    const allowed = name === 'chapter' ? parentFrame?.type === 'root' : name === 'section' ? parentKind === 'chapter' : parentKind !== null;
    if (!allowed) throw importFailure(file, line, `a <${name}> element is not where the Tabular List layout puts it`);
    const node: ParsedNode = { kind: name, key: '', code: '', title: '', parent, level: name === 'diag' ? 'code' : name, hasChildren: false, line };
    if (name === 'section') {
      const id = (attrs.id ?? '').trim().toUpperCase();
      if (!SECTION_ID.test(id)) throw importFailure(file, line, 'a <section> has no valid id attribute (expected a range such as A00-A09)');
      setKey(node, id, id.includes('-') ? id : `${id}-${id}`);
    }
    if (name === 'diag') {
      out.diagCount += 1;
      node.level = parentKind === 'diag' ? 'code' : 'category';
    }
    if (parent >= 0) nodeAt(parent).hasChildren = true;
    out.nodes.push(node);
    return { type: 'node', index: out.nodes.length - 1 };
  }

  function setKey(node: ParsedNode, key: string, code: string): void {
    const id = `${node.kind}:${key}`;
    const what = node.kind === 'diag' ? `the code ${code}` : `the ${node.kind} ${code}`;
    if (seen.has(id)) throw importFailure(file, node.line, `${what} appears twice`);
    seen.add(id);
    node.key = key;
    node.code = code;
  }

  function setName(index: number, raw: string, line: number): void {
    const node = nodeAt(index);
    if (node.key) throw importFailure(file, line, 'an element has two <name> children');
    if (node.kind === 'chapter') {
      if (!/^\d{1,2}$/.test(raw)) throw importFailure(file, line, 'a chapter <name> is not a chapter number');
      setKey(node, raw, raw);
      return;
    }
    const key = normaliseCode('icd10cm', raw);
    if (!hasCodeShape('icd10cm', key)) throw importFailure(file, line, 'a <diag> <name> is not an ICD-10-CM code');
    const parent = out.nodes[node.parent];
    // A child is longer than its parent and in the same category. (Not always an extension of
    // the parent's code: the official FY2021 file nests H54.512A under H54.511.)
    if (parent?.kind === 'diag' && !(key.startsWith(parent.key.slice(0, 3)) && key.length > parent.key.length)) {
      throw importFailure(file, line, `the code ${displayCode('icd10cm', key)} is nested under ${parent.code}, which is not its parent`);
    }
    setKey(node, key, displayCode('icd10cm', key));
  }

  function frameFor(name: string, attrs: Readonly<Record<string, string>>, depth: number, line: number): Frame {
    const parent = top();
    if (depth === 1) {
      if (name !== TABULAR_ROOT) throw importFailure(file, line, `the root element is not <${TABULAR_ROOT}>: this is not an ICD-10-CM Tabular List`);
      sawRoot = true;
      return { type: 'root' };
    }
    // Inside an ignored element (the introduction, the H54 table) or inside captured text.
    if (!parent || parent.type === 'ignored' || parent.type === 'capture') return { type: 'ignored' };
    if (parent.type === 'root') {
      if (name === 'version') return { type: 'capture', field: 'version', line };
      return NODE_ELEMENTS.has(name) ? openNode(name as NodeKind, attrs, line) : { type: 'ignored' };
    }
    if (parent.type === 'node') {
      if (NODE_ELEMENTS.has(name)) return openNode(name as NodeKind, attrs, line);
      if (name === 'name' || name === 'desc') return { type: 'capture', field: name, line };
      if (NOTE_KIND_SET.has(name)) return { type: 'noteGroup', node: parent.index, kind: name as NoteKind };
      if (name === 'sevenChrDef') return { type: 'sevenDef', node: parent.index, chars: new Set() };
      return { type: 'ignored' };
    }
    if (parent.type === 'noteGroup') return name === 'note' ? { type: 'capture', field: 'note', line } : { type: 'ignored' };
    // sevenDef
    if (name === 'extension') {
      const char = (attrs.char ?? '').trim().toUpperCase();
      if (!/^[0-9A-Z]$/.test(char)) throw importFailure(file, line, 'an <extension> has no valid char attribute (one letter or digit)');
      if (parent.chars.has(char)) throw importFailure(file, line, `the 7th character ${char} is defined twice`);
      parent.chars.add(char);
      return { type: 'capture', field: 'extension', line, extension: char };
    }
    if (name === 'note') return { type: 'capture', field: 'sevenNote', line };
    return { type: 'ignored' };
  }

  function closeCapture(frame: Extract<Frame, { type: 'capture' }>, value: string): void {
    const parent = top();
    if (frame.field === 'version') {
      out.version = value;
      return;
    }
    if (parent?.type === 'node') {
      if (frame.field === 'name') setName(parent.index, value, frame.line);
      else nodeAt(parent.index).title = value;
      return;
    }
    if (parent?.type === 'noteGroup') {
      if (value) out.notes.push({ node: parent.node, kind: parent.kind, text: value, refs: parseNoteRefs(value) });
      return;
    }
    if (parent?.type === 'sevenDef') {
      if (frame.field === 'extension') {
        if (!value) throw importFailure(file, frame.line, `the 7th character ${frame.extension ?? ''} has no title`);
        out.sevenths.push({ node: parent.node, char: frame.extension ?? '', title: value });
        return;
      }
      // A <note> after an <extension> adds to it ("initial encounter for open fracture NOS").
      const last = out.sevenths[out.sevenths.length - 1];
      if (value && last?.node === parent.node) last.title = `${last.title}; ${value}`;
    }
  }

  function closeNode(index: number, line: number): void {
    const node = nodeAt(index);
    if (!node.key) throw importFailure(file, line, `a <${node.kind}> has no <name>`);
    if (!node.title) throw importFailure(file, line, `${node.kind === 'diag' ? `the code ${node.code}` : `the ${node.kind} ${node.code}`} has no <desc>`);
    if (node.kind === 'diag' && node.level === 'code' && node.hasChildren) node.level = 'subcategory';
    if (node.kind === 'diag' && out.diagCount % 2000 === 0) onLine?.(line);
  }

  readXml(file, xml, {
    open(name, attrs, depth, line) {
      const frame = frameFor(name, attrs, depth, line);
      if (frame.type === 'capture') text = [];
      stack.push(frame);
    },
    text(chunk) {
      const frame = top();
      if (frame?.type === 'capture' || (frame?.type === 'ignored' && stack.some((f) => f.type === 'capture'))) text.push(chunk);
    },
    close(_name, _depth, line) {
      const frame = stack.pop();
      if (frame?.type === 'capture') closeCapture(frame, clean(text.join('')));
      else if (frame?.type === 'node') closeNode(frame.index, line);
    },
  });
  if (!sawRoot) throw importFailure(file, 0, `the file has no <${TABULAR_ROOT}> element`);
  if (!out.nodes.some((n) => n.kind === 'chapter')) throw importFailure(file, 0, 'the Tabular List has no chapters');
  return out;
}
