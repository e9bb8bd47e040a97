/** Parsing the Tabular List XML: structure, notes, 7th characters, and every kind of bad file. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTabular } from '../../../src/main/services/codesets/importers/tabular/parse-tabular';
import { tabularFiscalYear } from '../../../src/main/services/codesets/importers/tabular/tabular-importer';
import { failureOf } from '../codesets/helpers';
import { FIXTURE_DIAGS, TABULAR_XML } from './fixture';

const FILE = 'icd10cm_tabular_2021.xml';

function rejects(xml: string) {
  const failure = failureOf(() => parseTabular(FILE, xml));
  expect(failure.code).toBe('IMPORT_FAILED');
  return failure;
}

describe('parseTabular on a file in the official layout', () => {
  const parsed = parseTabular(FILE, TABULAR_XML);
  const node = (code: string) => parsed.nodes.find((n) => n.code === code)!;

  it('reads the version, chapters, sections and every <diag>', () => {
    expect(parsed.version).toBe('2021');
    expect(parsed.diagCount).toBe(FIXTURE_DIAGS);
    expect(parsed.nodes.filter((n) => n.kind === 'chapter').map((n) => n.code)).toEqual(['1', '4', '6', '19']);
    expect(parsed.nodes.filter((n) => n.kind === 'section').map((n) => n.code)).toEqual([
      'A00-A09',
      'B10-B10',
      'E08-E13',
      'G60-G65',
      'S70-S79',
    ]);
  });

  it('gives each node its level, parent, normalised key and dotted code', () => {
    expect(node('E11')).toMatchObject({ kind: 'diag', key: 'E11', level: 'category', hasChildren: true });
    expect(node('E11.6')).toMatchObject({ key: 'E116', level: 'subcategory' });
    expect(node('E11.65')).toMatchObject({ key: 'E1165', level: 'code', hasChildren: false, title: 'Type 2 diabetes mellitus with hyperglycemia' });
    expect(parsed.nodes[node('E11.65').parent]!.code).toBe('E11.6');
    expect(parsed.nodes[node('E11').parent]!.code).toBe('E08-E13');
    expect(parsed.nodes[node('E08-E13').parent]!.code).toBe('4');
    // A one-category section keeps its own key, shown as a range so it cannot be taken for the category.
    expect(node('B10-B10')).toMatchObject({ kind: 'section', key: 'B10' });
    expect(node('B10')).toMatchObject({ kind: 'diag', key: 'B10', level: 'category' });
  });

  it('reads every note kind with its text and references, ignoring the introduction and section index', () => {
    const kinds = new Set(parsed.notes.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(
      ['codeAlso', 'codeFirst', 'excludes1', 'excludes2', 'includes', 'inclusionTerm', 'notes', 'sevenChrNote', 'useAdditionalCode'].sort(),
    );
    const e11 = parsed.nodes.indexOf(node('E11'));
    expect(parsed.notes.filter((n) => n.node === e11 && n.kind === 'excludes1')).toEqual([
      { node: e11, kind: 'excludes1', text: 'type 1 diabetes mellitus (E10.-)', refs: ['E10.-'] },
      { node: e11, kind: 'excludes1', text: 'hypertensive disease (I10-I1A)', refs: ['I10-I1A'] },
    ]);
    expect(parsed.notes.some((n) => n.text.includes('Intestinal infectious diseases'))).toBe(false);
    expect(parsed.notes.some((n) => n.text.includes('TABULAR LIST'))).toBe(false);
  });

  it('reads 7th-character definitions, adding a following <note> to the definition before it', () => {
    const s72 = parsed.nodes.indexOf(node('S72'));
    expect(parsed.sevenths).toEqual([
      { node: s72, char: 'A', title: 'initial encounter for closed fracture' },
      { node: s72, char: 'B', title: 'initial encounter for open fracture type I or II; initial encounter for open fracture NOS' },
      { node: s72, char: 'S', title: 'sequela' },
    ]);
  });

  it('reads the fiscal year from <version>, else from the file name, else refuses', () => {
    expect(tabularFiscalYear('2021', 'tabular.xml')).toBe(2021);
    expect(tabularFiscalYear('ICD-10-CM 2024', 'tabular.xml')).toBe(2024);
    expect(tabularFiscalYear(null, 'icd10cm_tabular_2025.xml')).toBe(2025);
    expect(failureOf(() => tabularFiscalYear(null, 'tabular.xml')).message).toMatch(/no fiscal year/);
  });
});

describe('bad Tabular List files: a clear error naming file, line and reason', () => {
  it('refuses a truncated file', () => {
    const failure = rejects(TABULAR_XML.slice(0, Math.floor(TABULAR_XML.length / 2)));
    expect(failure.message).toMatch(/^icd10cm_tabular_2021\.xml line \d+: not well-formed XML/);
  });

  it('refuses a file with another root element', () => {
    const failure = rejects(TABULAR_XML.replace(/ICD10CM\.tabular/g, 'ICD10CM.index'));
    expect(failure.message).toBe('icd10cm_tabular_2021.xml line 2: the root element is not <ICD10CM.tabular>: this is not an ICD-10-CM Tabular List');
  });

  it('refuses a DOCTYPE (no entity expansion)', () => {
    const hostile = TABULAR_XML.replace(
      '<ICD10CM.tabular>',
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n<ICD10CM.tabular>',
    ).replace('<desc>Cholera</desc>', '<desc>&b;</desc>');
    expect(rejects(hostile).message).toMatch(/DOCTYPE declaration is not allowed/);
  });

  it('refuses deep nesting', () => {
    const deep = `${'<diag>'.repeat(80)}${'</diag>'.repeat(80)}`;
    expect(rejects(TABULAR_XML.replace('<desc>Cholera</desc>', `<desc>Cholera</desc><notes>${deep}</notes>`)).message).toMatch(/nested deeper/);
  });

  it('refuses a code that appears twice, naming the code and its line', () => {
    const twice = TABULAR_XML.replace('<name>E11.9</name>', '<name>E11.65</name>');
    const failure = rejects(twice);
    expect(failure.message).toMatch(/^icd10cm_tabular_2021\.xml line \d+: the code E11\.65 appears twice$/);
    // The line of the second <diag> (its <name> is on the next line).
    const nameLine = twice.slice(0, twice.lastIndexOf('<name>E11.65</name>')).split('\n').length;
    expect(failure.detail?.line).toBe(nameLine - 1);
  });

  it('refuses a section that appears twice and a 7th character defined twice', () => {
    expect(rejects(TABULAR_XML.replace('<section id="G60-G65">', '<section id="E08-E13">')).message).toMatch(/the section E08-E13 appears twice/);
    expect(rejects(TABULAR_XML.replace('<extension char="S">', '<extension char="A">')).message).toMatch(/7th character A is defined twice/);
  });

  it('refuses codes that are not codes, nested under the wrong parent, or without a name or title', () => {
    expect(rejects(TABULAR_XML.replace('<name>E11.65</name>', '<name>hyperglycemia</name>')).message).toMatch(/is not an ICD-10-CM code/);
    expect(rejects(TABULAR_XML.replace('<name>E11.65</name>', '<name>K50.0</name>')).message).toMatch(/K50\.0 is nested under E11\.6/);
    expect(rejects(TABULAR_XML.replace('<name>E11.65</name>', '')).message).toMatch(/a <diag> has no <name>/);
    expect(rejects(TABULAR_XML.replace('<desc>Type 2 diabetes mellitus with hyperglycemia</desc>', '')).message).toMatch(/E11\.65 has no <desc>/);
    expect(rejects(TABULAR_XML.replace('<section id="G60-G65">', '<section>')).message).toMatch(/no valid id/);
    expect(rejects(TABULAR_XML.replace('<extension char="S">', '<extension char="sequela">')).message).toMatch(/no valid char/);
  });

  it('refuses a <diag> outside any chapter and a file with no chapters', () => {
    const stray = TABULAR_XML.replace('</ICD10CM.tabular>', '<diag><name>Z99</name><desc>x</desc></diag></ICD10CM.tabular>');
    expect(rejects(stray).message).toMatch(/<diag> element is not where/);
    expect(rejects('<ICD10CM.tabular><version>2021</version></ICD10CM.tabular>').message).toBe('icd10cm_tabular_2021.xml: the Tabular List has no chapters');
  });

  it('never quotes the file content in the message', () => {
    const secret = 'Patient Jane Doe, DOB 1970';
    const failure = rejects(TABULAR_XML.replace('<name>E11.65</name>', `<name>${secret}</name>`));
    expect(failure.message).not.toContain('Jane');
    expect(JSON.stringify(failure.detail)).not.toContain('Jane');
  });
});

describe('parseTabular on generated trees (property)', () => {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const title = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/.test(s));
  const categories = fc.uniqueArray(fc.stringMatching(/^[A-Z]\d\d$/), { minLength: 1, maxLength: 6 });

  it('reads back every category, its codes, titles and notes', () => {
    fc.assert(
      fc.property(categories, fc.array(title, { minLength: 12, maxLength: 12 }), fc.nat(9), (cats, titles, children) => {
        const body = cats
          .map((cat, i) => {
            const kids = Array.from({ length: children }, (_, d) => `<diag><name>${cat}.${d}</name><desc>${escape(titles[(i + d) % 12]!)}</desc></diag>`);
            const note = `<excludes1><note>${escape(titles[i % 12]!)} (${cat}.-)</note></excludes1>`;
            return `<diag><name>${cat}</name><desc>${escape(titles[i % 12]!)}</desc>${note}${kids.join('')}</diag>`;
          })
          .join('\n');
        const xml = `<ICD10CM.tabular><version>2030</version><chapter><name>1</name><desc>Chapter</desc><section id="A00-Z99"><desc>All</desc>${body}</section></chapter></ICD10CM.tabular>`;
        const parsed = parseTabular(FILE, xml);
        const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
        expect(parsed.diagCount).toBe(cats.length * (children + 1));
        expect(parsed.nodes.filter((n) => n.level === 'category').map((n) => [n.key, n.title])).toEqual(
          cats.map((c, i) => [c, clean(titles[i % 12]!)]),
        );
        expect(parsed.notes.map((n) => n.refs)).toEqual(cats.map((c) => [`${c}.-`]));
      }),
      { numRuns: 60 },
    );
  });
});
