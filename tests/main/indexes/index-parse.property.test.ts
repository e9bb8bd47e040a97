/** Property-based tests (fast-check) for term titles, cells and the path/tree flattening. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellValue, codeTarget, isIndexCode, termTitle } from '../../../src/main/services/codesets/importers/alphabetic-index/index-terms';
import { parseIndexXml } from '../../../src/main/services/codesets/importers/alphabetic-index/index-xml';
import { readRecords } from '../../../src/main/services/codesets/xml/safe-xml';
import { AppFailure } from '../../../src/shared/result';

const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const alnum = fc.constantFrom(...'0123456789ABCDEFGHJKXZ');
const digit = fc.constantFrom(...'0123456789');
/** Index codes as written: category, optional dot + 1-4 characters, optional trailing dash. */
const indexCode = fc
  .tuple(letter, digit, alnum, fc.array(alnum, { maxLength: 4 }), fc.boolean())
  .map(([l, d, a, rest, dash]) => `${l}${d}${a}${rest.length > 0 ? `.${rest.join('')}` : ''}${dash ? '-' : ''}`);
const word = fc.stringMatching(/^[A-Za-z][a-z0-9-]{0,9}$/);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function titleElement(xml: string) {
  let el: Parameters<typeof termTitle>[0] | undefined;
  readRecords('t.xml', xml, 'title', (e) => (el = e));
  return el!;
}

describe('cells and codes', () => {
  it('every index code is a code and keeps its spelling; its target drops dot and dash', () => {
    fc.assert(
      fc.property(indexCode, (code) => {
        expect(isIndexCode(code)).toBe(true);
        expect(cellValue(` ${code} `)).toBe(code);
        expect(codeTarget(code)).toBe(code.replace('.', '').replace(/-$/, ''));
        expect(codeTarget(code)).toMatch(/^[A-Z][0-9A-Z]{2,6}$/);
      }),
    );
  });

  it('"-", "--" and blank cells are no code; text with a space or lower case is never a code', () => {
    for (const none of ['-', '--', '', '  ']) expect(cellValue(none)).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = cellValue(s);
        if (/[a-z\s]/.test(s.trim())) expect(v).toBeUndefined();
        if (typeof v === 'string') expect(isIndexCode(v)).toBe(true);
      }),
    );
  });
});

describe('termTitle', () => {
  it('keeps the text and puts each nonessential modifier in parentheses, once', () => {
    fc.assert(
      fc.property(words, fc.array(words, { maxLength: 3 }), fc.boolean(), fc.option(words), (main, nemods, paren, tail) => {
        const nemodXml = nemods.map((n) => `<nemod>${paren ? `(${esc(n)})` : esc(n)}</nemod>`).join('');
        const title = termTitle(titleElement(`<title>${esc(main)}${nemodXml}${tail === null ? '' : ` ${esc(tail)}`}</title>`));
        const expected = [main, ...nemods.map((n) => `(${n})`), ...(tail === null ? [] : [tail])].join(' ');
        expect(title).toBe(expected);
      }),
    );
  });
});

/** A random term tree, rendered as index XML, and the paths it must flatten to. */
interface TreeNode {
  title: string;
  code: string | null;
  children: TreeNode[];
}
/** Trees up to `depth` levels below the main term (the real files go 8 deep). */
function treeOf(depth: number): fc.Arbitrary<TreeNode> {
  const children: fc.Arbitrary<TreeNode[]> = depth === 0 ? fc.constant([]) : fc.array(treeOf(depth - 1), { maxLength: depth > 4 ? 2 : 1 });
  return fc.record({ title: words, code: fc.option(indexCode), children });
}
const tree = treeOf(6);

function render(node: TreeNode, level: number): string {
  const tag = level === 0 ? 'mainTerm' : `term level="${level}"`;
  const close = level === 0 ? 'mainTerm' : 'term';
  const code = node.code === null ? '' : `<code>${node.code}</code>`;
  return `<${tag}><title>${esc(node.title)}</title>${code}${node.children.map((c) => render(c, level + 1)).join('')}</${close}>`;
}

function expectedPaths(node: TreeNode, above: string[] = []): { path: string[]; code: string | null; level: number }[] {
  const path = [...above, node.title];
  return [{ path, code: node.code, level: above.length }, ...node.children.flatMap((c) => expectedPaths(c, path))];
}

describe('parseIndexXml', () => {
  it('flattens any term tree in document order, each term with its whole path and code', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (mainTerms) => {
        const xml = `<ICD10CM.index><version>2026</version><letter><title>A</title>${mainTerms.map((m) => render(m, 0)).join('')}</letter></ICD10CM.index>`;
        const doc = parseIndexXml('gen.xml', xml);
        const expected = mainTerms.flatMap((m) => expectedPaths(m));
        expect(doc.terms.map((t) => ({ path: t.path, code: t.code, level: t.level }))).toEqual(expected);
        doc.terms.forEach((t, i) => {
          expect(t.seq).toBe(i);
          if (t.parentSeq !== null) expect(doc.terms[t.parentSeq]!.path).toEqual(t.path.slice(0, -1));
          else expect(t.level).toBe(0);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('any cut of a valid document is refused with an AppFailure, never a crash or a partial result', () => {
    const xml = `<ICD10CM.index><version>2026</version><letter><title>A</title>${render({ title: 'Failure', code: null, children: [{ title: 'heart', code: 'I50.9', children: [] }] }, 0)}</letter></ICD10CM.index>`;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: xml.length - 1 }), (cut) => {
        expect(() => parseIndexXml('cut.xml', xml.slice(0, cut))).toThrow(AppFailure);
      }),
    );
  });
});
