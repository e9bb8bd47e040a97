/**
 * Reads an ICD-10-CM index XML document (Alphabetic Index, External Cause index, Drug or
 * Neoplasm table) with the safe streaming reader: the header elements, then one <mainTerm>
 * tree at a time (memory bounded by the largest main term), flattened into terms.
 */
import { importFailure } from '../../import-failure';
import { childElements, readXml, textOf, type XmlElement } from '../../xml/safe-xml';
import { flattenMainTerm, type IndexTerm } from './index-terms';

export const INDEX_ROOT = 'ICD10CM.index';

export interface IndexDocument {
  /** Text of <version>, or null. */
  version: string | null;
  /** The document <title>, or null. */
  title: string | null;
  /** Table column titles, col 1 first (the term column); empty when the file is not a table. */
  columns: string[];
  terms: IndexTerm[];
}

export function parseIndexXml(file: string, xml: string | Iterable<string>): IndexDocument {
  const doc: IndexDocument = { version: null, title: null, columns: [], terms: [] };
  let seq = 0;
  const context = {
    file,
    get columns() {
      return doc.columns.length;
    },
    emit: (term: IndexTerm) => void doc.terms.push(term),
    nextSeq: () => seq++,
  };
  const onRecord = (el: XmlElement, inLetter: boolean): void => {
    if (inLetter) {
      if (el.name === 'mainTerm') flattenMainTerm(el, context);
      else if (el.name === 'term') throw importFailure(file, el.line, 'a <term> stands outside any <mainTerm>');
      return;
    }
    if (el.name === 'version') doc.version = textOf(el);
    else if (el.name === 'title') doc.title = textOf(el);
    else if (el.name === 'indexHeading') doc.columns = headingColumns(file, el);
    else if (el.name === 'mainTerm') throw importFailure(file, el.line, 'a <mainTerm> stands outside any <letter>');
  };
  streamRecords(file, xml, onRecord);
  if (doc.terms.length === 0) throw importFailure(file, 0, 'the file holds no index terms (<mainTerm>)');
  return doc;
}

/** <head col="1..N">: columns numbered 1, 2, 3 … in order, none empty. */
function headingColumns(file: string, el: XmlElement): string[] {
  const heads = childElements(el, 'head');
  if (heads.length < 2) throw importFailure(file, el.line, 'the <indexHeading> has fewer than two columns');
  return heads.map((head, i) => {
    if (head.attrs.col !== String(i + 1)) throw importFailure(file, head.line, `expected heading column ${i + 1} here`);
    const title = textOf(head);
    if (title === '') throw importFailure(file, head.line, `heading column ${i + 1} has no title`);
    return title;
  });
}

/**
 * Hands over, as element trees, each child of the root except <letter>, and each child of a
 * <letter>. Checks the root element.
 */
function streamRecords(file: string, xml: string | Iterable<string>, onRecord: (el: XmlElement, inLetter: boolean) => void): void {
  const stack: XmlElement[] = [];
  let inLetter = false;
  readXml(file, xml, {
    open(name, attrs, depth, line) {
      if (depth === 1) {
        if (name !== INDEX_ROOT) throw importFailure(file, line, `the root element is not <${INDEX_ROOT}>`);
        return;
      }
      if (depth === 2 && name === 'letter') {
        inLetter = true;
        return;
      }
      const el: XmlElement = { name, attrs, children: [], line };
      stack[stack.length - 1]?.children.push(el);
      stack.push(el);
    },
    text(text) {
      stack[stack.length - 1]?.children.push(text);
    },
    close(name, depth) {
      if (depth === 2 && name === 'letter' && inLetter && stack.length === 0) {
        inLetter = false;
        return;
      }
      if (depth === 1) return;
      const el = stack.pop();
      if (el && stack.length === 0) onRecord(el, inLetter);
    },
  });
}
