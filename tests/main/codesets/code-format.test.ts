import { describe, expect, it } from 'vitest';
import { displayCode, hasCodeShape, normaliseCode } from '../../../src/main/services/codesets/code-format';

describe('normaliseCode', () => {
  it('drops dots and blanks and upper-cases, for every system', () => {
    expect(normaliseCode('icd10cm', ' e11.65 ')).toBe('E1165');
    expect(normaliseCode('icd10cm', 's72.001a')).toBe('S72001A');
    expect(normaliseCode('icd10pcs', '0sr9019')).toBe('0SR9019');
    expect(normaliseCode('hcpcs', 'j1100')).toBe('J1100');
  });
});

describe('displayCode', () => {
  it('puts the ICD-10-CM dot after the third character', () => {
    expect(displayCode('icd10cm', 'E1165')).toBe('E11.65');
    expect(displayCode('icd10cm', 's72001a')).toBe('S72.001A');
    expect(displayCode('icd10cm', 'E11.65')).toBe('E11.65');
  });

  it('leaves 3-character categories and other systems as they are', () => {
    expect(displayCode('icd10cm', 'I10')).toBe('I10');
    expect(displayCode('icd10pcs', '0SR9019')).toBe('0SR9019');
    expect(displayCode('hcpcs', 'J1100')).toBe('J1100');
    expect(displayCode('cpt', '99213')).toBe('99213');
  });
});

describe('hasCodeShape', () => {
  it.each([
    ['icd10cm', 'E1165', true],
    ['icd10cm', 'C4A0', true],
    ['icd10cm', 'T360X1A', true],
    ['icd10cm', 'QA00101', true],
    ['icd10cm', 'E11658X1', false],
    ['icd10cm', '0016070', false],
    ['icd10cm', 'E', false],
    ['icd10pcs', '0SR9019', true],
    ['icd10pcs', '0SR', true],
    ['icd10pcs', '0SI9019', false],
    ['icd10pcs', 'E1165', false],
    ['hcpcs', 'J1100', true],
    ['hcpcs', 'LT', true],
    ['hcpcs', '99213', false],
    ['cpt', '99213', true],
    ['cpt', '0001U', true],
    ['cpt', '1234F', true],
    ['cpt', 'J1100', false],
  ] as const)('%s %s -> %s', (system, code, expected) => {
    expect(hasCodeShape(system, code)).toBe(expected);
  });
});
