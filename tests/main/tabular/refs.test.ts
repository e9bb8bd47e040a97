/** Code references inside notes: parsing them out of the text, and testing codes against them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codesInRef, parseNoteRefs } from '../../../src/main/services/codesets/tabular/refs';
import { codesInRef as codesInRefFromNotes } from '../../../src/main/services/codesets/tabular/notes';

describe('parseNoteRefs', () => {
  it.each([
    ['type 1 diabetes mellitus (E10.-)', ['E10.-']],
    ['hypertensive disease (I10-I1A)', ['I10-I1A']],
    ['periprosthetic fracture of prosthetic implant of hip (M97.0-)', ['M97.0-']],
    ['insulin (Z79.4)', ['Z79.4']],
    ['infectious diseases specific to the perinatal period (P35-P39)', ['P35-P39']],
    ['codes in this chapter (i.e. E05.8, E07.0, E16-E31, E34.-) may be used', ['E05.8', 'E07.0', 'E16-E31', 'E34.-']],
    ['diabetes (E08-E13 with .42)', ['E08-E13']],
    ['a range with dotted ends (A00.0-A00.9)', ['A00.0-A00.9']],
    ['same code twice (E11.-) and (E11.-)', ['E11.-']],
  ])('finds the references in %j', (text, refs) => {
    expect(parseNoteRefs(text)).toEqual(refs);
  });

  it.each([
    'vitamin B12 deficiency anemia',
    'certain localized infections - see body system-related chapters',
    'influenza due to (H1N1) virus',
    'lower case (e11.9) is not how the Tabular List writes codes',
  ])('finds none in %j', (text) => {
    expect(parseNoteRefs(text)).toEqual([]);
  });

  const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  const alnum = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  const digit = fc.constantFrom(...'0123456789');
  const category = fc.tuple(letter, digit, alnum).map((cs) => cs.join(''));
  const code = fc
    .tuple(category, fc.array(alnum, { maxLength: 4 }))
    .map(([cat, tail]) => (tail.length ? `${cat}.${tail.join('')}` : cat));
  const ref = fc.oneof(
    code,
    category.map((c) => `${c}.-`),
    code.filter((c) => c.includes('.')).map((c) => `${c}-`),
    fc.tuple(code, code).map(([a, b]) => `${a}-${b}`),
  );
  // Words that cannot look like codes (no digits).
  const words = fc.stringMatching(/^[a-z ,:;']{0,30}$/);

  it('finds every reference written in parentheses, in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words, fc.uniqueArray(ref, { minLength: 1, maxLength: 3 })), { maxLength: 4 }), (parts) => {
        const text = parts.map(([w, refs]) => `${w} (${refs.join(', ')})`).join(' ');
        const expected = [...new Set(parts.flatMap(([, refs]) => refs))];
        expect(parseNoteRefs(text)).toEqual(expected);
      }),
    );
  });

  it('never throws and only returns code-shaped references, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const r of parseNoteRefs(text)) expect(r).toMatch(/^[A-Z]\d[0-9A-Z][0-9A-Z.-]*$/);
      }),
    );
  });
});

describe('codesInRef', () => {
  it('is the function notes.ts exports for the edits', () => {
    expect(codesInRefFromNotes).toBe(codesInRef);
  });

  it('reads "E11.-" as the category and everything below it', () => {
    const inE11 = codesInRef('E11.-');
    expect(['E11', 'E119', 'E1165'].map(inE11)).toEqual([true, true, true]);
    expect(['E10', 'E12', 'E1'].map(inE11)).toEqual([false, false, false]);
  });

  it('reads "I10-I1A" as a range of categories, in official order (I16 comes before I1A)', () => {
    const inRange = codesInRef('I10-I1A');
    expect(['I10', 'I110', 'I169', 'I1A0', 'I1A'].map(inRange)).toEqual([true, true, true, true, true]);
    expect(['I20', 'I09', 'I0', 'H10'].map(inRange)).toEqual([false, false, false, false]);
  });

  it('reads a range with dotted ends and a code with children', () => {
    expect(['A000', 'A001', 'A009', 'A01'].map(codesInRef('A00.0-A00.9'))).toEqual([true, true, true, false]);
    expect(['K500', 'K5000', 'K501'].map(codesInRef('K50.0'))).toEqual([true, true, false]);
    expect(['M970', 'M97012A', 'M971'].map(codesInRef('M97.0-'))).toEqual([true, true, false]);
  });

  const normal = fc.stringMatching(/^[A-Z]\d[0-9A-Z]{1,5}$/);

  it('a single code matches exactly the codes it prefixes (property)', () => {
    fc.assert(
      fc.property(normal, normal, (ref, code) => {
        expect(codesInRef(ref)(code)).toBe(code.startsWith(ref));
        expect(codesInRef(`${ref.slice(0, 3)}.${ref.slice(3)}-`)(code)).toBe(code.startsWith(ref));
      }),
    );
  });

  it('a range holds both ends and everything under them, and nothing before the start (property)', () => {
    fc.assert(
      fc.property(normal, normal, normal, (x, y, code) => {
        const [from, to] = x <= y ? [x, y] : [y, x];
        const inRange = codesInRef(`${from}-${to}`);
        expect(inRange(from)).toBe(true);
        expect(inRange(`${to}9`)).toBe(true);
        if (code.slice(0, from.length) < from) expect(inRange(code)).toBe(false);
        if (code.slice(0, to.length) > to) expect(inRange(code)).toBe(false);
      }),
    );
  });
});
