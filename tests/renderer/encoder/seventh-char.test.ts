import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsSeventh, withSeventh } from '../../../src/renderer/features/encoder/seventh-char';

const defs = { sevenChr: { definitions: [{ char: 'A', title: 'initial encounter' }], from: 'S72' } };

describe('7th character', () => {
  it('fills placeholder X up to six characters before the 7th', () => {
    expect(withSeventh('S72.001', 'A')).toBe('S72.001A');
    expect(withSeventh('T36.0X1', 'a')).toBe('T36.0X1A');
    expect(withSeventh('S03.0', 'A')).toBe('S03.0XXA');
    expect(withSeventh('T07', 'S')).toBe('T07.XXXS');
    expect(withSeventh('S7200', 'D')).toBe('S72.00XD');
  });

  it('refuses a code that already has seven characters, a too short one, or a bad character', () => {
    expect(() => withSeventh('S72.001A', 'A')).toThrow(RangeError);
    expect(() => withSeventh('S7', 'A')).toThrow(RangeError);
    expect(() => withSeventh('S72.001', 'AB')).toThrow(RangeError);
    expect(() => withSeventh('S72.001', '-')).toThrow(RangeError);
  });

  it('needs a 7th only when definitions apply and the code is shorter than 7', () => {
    expect(needsSeventh('S72.001', defs)).toBe(true);
    expect(needsSeventh('S72.001A', defs)).toBe(false);
    expect(needsSeventh('J18.9', { sevenChr: null })).toBe(false);
    expect(needsSeventh('S72.001', { sevenChr: { definitions: [], from: 'S72' } })).toBe(false);
    expect(needsSeventh('S72.001', null)).toBe(false);
  });

  it('property: the result is 7 characters, keeps the code as its prefix, pads with X and ends in the choice', () => {
    const alnum = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split(''));
    fc.assert(
      fc.property(fc.array(alnum, { minLength: 3, maxLength: 6 }), alnum, (chars, seventh) => {
        const code = chars.join('');
        const dotted = code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
        const full = withSeventh(dotted, seventh);
        const compact = full.replace('.', '');
        expect(full.indexOf('.')).toBe(3);
        expect(compact).toHaveLength(7);
        expect(compact.startsWith(code)).toBe(true);
        expect(compact.slice(code.length, 6)).toBe('X'.repeat(6 - code.length));
        expect(compact.at(-1)).toBe(seventh);
      }),
    );
  });
});
