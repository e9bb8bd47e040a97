import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, readRecords, readXml, textOf } from '../../../src/main/services/codesets/xml/safe-xml';
import { AppFailure } from '../../../src/shared/result';

const failureOf = (fn: () => void): AppFailure => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppFailure);
    return e as AppFailure;
  }
  throw new Error('expected a failure');
};

describe('safe XML reader', () => {
  it('refuses a DOCTYPE, so entity-expansion ("billion laughs") files never expand', () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<lolz>&lol2;</lolz>`;
    const f = failureOf(() => readXml('bomb.xml', bomb, {}));
    expect(f.code).toBe('IMPORT_FAILED');
    expect(f.message).toMatch(/^bomb\.xml line 2: a DOCTYPE declaration is not allowed/);
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = '<a>'.repeat(MAX_XML_DEPTH + 1) + '</a>'.repeat(MAX_XML_DEPTH + 1);
    expect(failureOf(() => readXml('deep.xml', deep, {})).message).toMatch(/nested deeper than 64/);
  });

  it('names the line of malformed XML without quoting the content', () => {
    const f = failureOf(() => readXml('bad.xml', '<root>\n<diag><name>Jane Doe</diag>\n</root>', {}));
    expect(f.message).toMatch(/^bad\.xml line 2: not well-formed XML/);
    expect(f.message).not.toMatch(/Jane/);
  });

  it('hands over record elements as trees', () => {
    const seen: string[] = [];
    readRecords('t.xml', '<r><rec id="1"><t>a <b>b</b></t></rec><other/><rec id="2"><t>c</t></rec></r>', 'rec', (el) =>
      seen.push(`${el.attrs.id}:${textOf(el)}`),
    );
    expect(seen).toEqual(['1:a b', '2:c']);
  });

  it('never throws anything but a clear import failure, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          readXml('any.xml', text, {});
        } catch (e) {
          expect(e).toBeInstanceOf(AppFailure);
        }
      }),
      { numRuns: 300 },
    );
  });
});
