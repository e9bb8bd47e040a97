import { Hl7Context } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { decodeEscapes } from '../../../../src/main/services/interchange/hl7/escapes';

const standard = new Hl7Context();

describe('HL7 escape sequences', () => {
  it('turns escaped separators back into the characters they stand for', () => {
    expect(decodeEscapes('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f', standard)).toBe('a|b^c&d~e\\f');
  });

  it('breaks lines at \\.br\\ and \\.sp\\ and decodes \\X..\\ hex as UTF-8', () => {
    expect(decodeEscapes('one\\.br\\two\\.sp 2\\three', standard)).toBe('one\ntwo\n\nthree');
    expect(decodeEscapes('50\\X25\\ and caf\\XC3A9\\', standard)).toBe('50% and café');
  });

  it('drops highlighting and layout commands but keeps the text around them', () => {
    expect(decodeEscapes('\\H\\IMPORTANT\\N\\: \\.in+4\\indented', standard)).toBe('IMPORTANT: indented');
  });

  it('leaves a lone escape character alone and follows the message own escape character', () => {
    expect(decodeEscapes('C:\\temp', standard)).toBe('C:\\temp');
    const custom = new Hl7Context('\r', '|', '^', '~', '!', '&');
    expect(decodeEscapes('x!F!y!.br!z', custom)).toBe('x|y\nz');
  });
});
