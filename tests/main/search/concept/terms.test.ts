/** Title words as the concept index reads them: stems, negating clauses, the encounter part. */
import { describe, expect, it } from 'vitest';
import { eachTerm, NOT, splitEncounter, termOf } from '../../../../src/main/services/codesets/search/concept/terms';

const terms = (title: string) => {
  const out: string[] = [];
  eachTerm(title, (term) => void out.push(term));
  return out;
};

describe('concept terms', () => {
  it('reads "unspecified whether with X or Y" (and its short title "unsp w X or Y") as saying neither', () => {
    const terms = (text: string) => {
      const out: string[] = [];
      eachTerm(text, (term) => out.push(term));
      return out;
    };
    expect(terms('Acute respiratory failure, unspecified whether with hypoxia or hypercapnia')).toContain(`${NOT}${termOf('hypoxia')}`);
    expect(terms('Acute respiratory failure, unspecified whether with hypoxia or hypercapnia')).not.toContain(termOf('hypoxia'));
    expect(terms('Acute respiratory failure, unsp w hypoxia or hypercapnia')).not.toContain(termOf('hypercapnia'));
    expect(terms('Acute respiratory failure with hypoxia')).toContain(termOf('hypoxia'));
  });

  it('keeps organism names apart from the diseases the stemmer would make of them', () => {
    expect(termOf('pneumoniae')).not.toBe(termOf('pneumonia'));
    expect(termOf('influenzae')).not.toBe(termOf('influenza'));
    expect(termOf('fractures')).toBe(termOf('fracture'));
  });

  it('meets word forms at one stem', () => {
    expect(termOf('fractured')).toBe(termOf('fracture'));
    expect(termOf('hypertensive')).toBe(termOf('hypertension'));
    expect(termOf('3b')).toBe('3b');
  });

  it('marks what a "without" or "not" clause says, up to a comma or "with"; after "of" both ways', () => {
    expect(terms('Migraine without aura, not intractable, with status migrainosus')).toEqual([
      termOf('migraine'), NOT + termOf('aura'), NOT + termOf('intractable'), termOf('status'), termOf('migrainosus'),
    ]);
    expect(terms('Laceration without foreign body of left finger')).toEqual([
      termOf('laceration'), NOT + termOf('foreign'), NOT + termOf('body'), NOT + 'of', 'of', NOT + termOf('left'), termOf('left'), NOT + termOf('finger'), termOf('finger'),
    ]);
  });

  it('drops the possessive of eponyms', () => {
    expect(terms("Colles' fracture")).toEqual([termOf('colles'), termOf('fracture')]);
    expect(terms("Bell's palsy")).toEqual(terms('bells palsy'));
  });

  it('splits off the 7th-character part of a title', () => {
    expect(splitEncounter('Fall from bed, initial encounter')).toEqual(['Fall from bed', ', initial encounter']);
    expect(splitEncounter('Torus fracture of lower end of left radius, sequela')[1]).toBe(', sequela');
    expect(splitEncounter('Essential (primary) hypertension')[1]).toBe('');
  });
});
