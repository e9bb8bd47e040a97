import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupNotes, refTarget, splitNoteText } from '../../../src/renderer/features/encoder/note-groups';
import { fractureDetail } from '../encoder-fixtures';

describe('note groups', () => {
  it('puts the code own notes first, then each level above it from the nearest up to the chapter', () => {
    const own = { kind: 'inclusionTerm' as const, text: 'Hip fracture NOS', from: 'S72.001', inherited: false, refs: [] };
    const groups = groupNotes([...fractureDetail.notes, own], fractureDetail.hierarchy, 'S72.001');
    expect(groups.map((g) => g.from)).toEqual(['S72.001', 'S72.0', 'S72', '19']);
    expect(groups[0]).toMatchObject({ heading: 'This code', inherited: false });
    expect(groups[1]?.heading).toBe('Subcategory S72.0 Fracture of head and neck of femur');
    expect(groups[3]?.heading).toMatch(/^Chapter 19 Injury/);
  });

  it('orders kinds inside a group as the Tabular List does (Excludes1 before notes)', () => {
    const groups = groupNotes(fractureDetail.notes, fractureDetail.hierarchy, 'S72.001');
    const s72 = groups.find((g) => g.from === 'S72');
    expect(s72?.kinds.map((k) => k.kind)).toEqual(['excludes1', 'notes']);
  });

  it('keeps a note written at a level missing from the hierarchy, named from its form', () => {
    const note = (from: string) => ({ kind: 'codeAlso' as const, text: 'x', from, inherited: true, refs: [] });
    const groups = groupNotes([note('Z99'), note('4'), note('E00-E07')], [], 'A00.0');
    expect(groups.map((g) => g.heading)).toEqual(['Level Z99', 'Chapter 4', 'Section E00-E07']);
  });
});

describe('note text links', () => {
  it('splits the text around the codes it names', () => {
    expect(splitNoteText('traumatic amputation (S78.-) or (S79.0-)', ['S78.-', 'S79.0-'])).toEqual([
      { text: 'traumatic amputation (' },
      { ref: 'S78.-', text: 'S78.-' },
      { text: ') or (' },
      { ref: 'S79.0-', text: 'S79.0-' },
      { text: ')' },
    ]);
  });

  it('appends a ref the text does not spell, so no link is lost', () => {
    expect(splitNoteText('see hypertension', ['I10-I1A'])).toEqual([{ text: 'see hypertension' }, { text: ' ' }, { ref: 'I10-I1A', text: 'I10-I1A' }]);
  });

  it('opens the first code of a range and the category of a dash code', () => {
    expect(refTarget('I10-I1A')).toBe('I10');
    expect(refTarget('E11.-')).toBe('E11');
    expect(refTarget('S79.0-')).toBe('S79.0');
    expect(refTarget('c50.911')).toBe('C50.911');
  });

  it('property: the segments put back together give the text (plus any appended refs)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.constantFrom('E11.-', 'I10', 'A0', 'x'), { maxLength: 4 }), (text, refs) => {
        const segments = splitNoteText(text, refs);
        const joined = segments.map((s) => s.text).join('');
        expect(joined.startsWith(text)).toBe(true);
        for (const ref of refs) expect(segments.some((s) => 'ref' in s && s.ref === ref)).toBe(true);
      }),
    );
  });
});
