/** Which queries ask for a procedure, and how their slots are read, with the bundled vocabulary. */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../src/main/services/codesets/search/concept/parse-query';
import { asksForProcedure, placingSlots, scopeAlone } from '../../../../src/main/services/codesets/search/concept/procedure-intent';
import { bundledVocabulary } from '../../../../src/main/services/codesets/search/vocabulary/bundled';

const parse = (query: string) => parseQuery(query, bundledVocabulary());

describe('procedure intent', () => {
  it('asks for a procedure when an operation comes first, for the drug when a dose or route comes before it', () => {
    expect(asksForProcedure(parse('chemotherapy infusion peripheral vein'))).toBe(true);
    expect(asksForProcedure(parse('keytruda 200 mg chemo'))).toBe(false);
    expect(asksForProcedure(parse('s/p left TKA'))).toBe(false);
  });

  it('reads a scope alone as its inspection, and keeps where it went when another operation is typed', () => {
    const alone = scopeAlone(parse('diagnostic esophagogastroduodenoscopy'));
    const scope = alone.slots.find((s) => s.typed.join(' ') === 'esophagogastroduodenoscopy');
    expect(scope?.readings.map((r) => r.words.join(' '))).toEqual(['inspection upper intestinal tract via natural or artificial opening endoscopic']);
    const withBiopsy = parse('esophagogastroduodenoscopy biopsy');
    expect(scopeAlone(withBiopsy)).toBe(withBiopsy);
  });

  it('makes "placement" context only beside a device that names its own operation', () => {
    expect(placingSlots(parse('vp shunt placement'))).toEqual([false, true]);
    expect(placingSlots(parse('ivc filter placement')).some(Boolean)).toBe(false);
  });
});
