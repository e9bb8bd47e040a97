import { describe, expect, it } from 'vitest';
import { keyEntries, typedForms } from '../../../../src/main/services/codesets/search/vocabulary/pcs-key';

describe('the PCS Index key as readings', () => {
  it('types a term without its parentheses, with them, and as the abbreviation its initials spell', () => {
    expect(typedForms('Anterior cruciate ligament (ACL)')).toEqual([
      ['anterior', 'cruciate', 'ligament'],
      ['anterior', 'cruciate', 'ligament', 'acl'],
      ['acl'],
    ]);
    expect(typedForms('Subtalar (talocalcaneal) joint')).toEqual([
      ['subtalar', 'joint'],
      ['subtalar', 'talocalcaneal', 'joint'],
    ]);
    // Trademark marks go; a model name or numeral in parentheses is never typed alone.
    expect(typedForms('Advisa (MRI)')).toEqual([['advisa'], ['advisa', 'mri']]);
    expect(typedForms('AneuRx(R) AAA Advantage(R)')).toEqual([
      ['aneurx', 'aaa', 'advantage'],
      ['aneurx', 'aaa', 'advantage'],
    ]);
  });

  it('reads the value without laterality, labelled and cited', () => {
    const entries = keyEntries([
      { term: 'Anterior cruciate ligament (ACL)', use: 'Knee Bursa and Ligament, Right', label: 'FY2025' },
      { term: 'Anterior cruciate ligament (ACL)', use: 'Knee Bursa and Ligament, Left', label: 'FY2025' },
      { term: 'Advisa (MRI)', use: 'Pacemaker, Dual Chamber in', label: 'FY2025' },
    ]);
    const acl = entries.find((e) => e.typed.join(' ') === 'acl');
    expect(acl?.reading).toEqual({
      words: ['knee', 'bursa', 'ligament'],
      label: 'acl: knee bursa and ligament',
      source: 'ICD-10-PCS Index FY2025: Anterior cruciate ligament (ACL), use Knee Bursa and Ligament, Right',
    });
    // Right and Left lead to one reading per typed form.
    expect(entries.filter((e) => e.typed.join(' ') === 'acl')).toHaveLength(1);
    expect(entries.find((e) => e.typed.join(' ') === 'advisa')?.reading.words).toEqual(['pacemaker', 'dual', 'chamber']);
  });
});
