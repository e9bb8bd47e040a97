/** Encounter.class → chart setting, by the one table in fhir/tables.ts; an unknown class is refused by name. */
import { describe, expect, it } from 'vitest';
import { bundle, collect, encounter, patient, writeJson } from './helpers';

const withClass = (code: string) => encounter(`e-${code}`, { class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code } });

describe('Encounter.class', () => {
  it('maps every class in the table, AMB by the configured ambulatory setting', async () => {
    const codes = ['IMP', 'ACUTE', 'NONAC', 'AMB', 'EMER', 'OBSENC', 'SS', 'HH', 'VR'];
    const file = writeJson('b.json', bundle('collection', [{ resource: patient() }, ...codes.map((c) => ({ resource: withClass(c) }))]));
    const settings = async (ambulatorySetting: 'professional' | 'outpatient_surgery') =>
      Object.fromEntries((await collect(file, { ambulatorySetting })).charts.map((c) => [c.sourceRef.slice('Encounter/e-'.length), c.setting]));
    expect(await settings('professional')).toEqual({
      IMP: 'inpatient', ACUTE: 'inpatient', NONAC: 'inpatient', AMB: 'professional', EMER: 'emergency',
      OBSENC: 'outpatient_surgery', SS: 'outpatient_surgery', HH: 'professional', VR: 'professional',
    });
    expect((await settings('outpatient_surgery')).AMB).toBe('outpatient_surgery');
  });

  it('refuses a class it does not code, naming the class, and reads the rest of the file', async () => {
    const file = writeJson('b.json', bundle('collection', [{ resource: patient() }, { resource: withClass('PRENC') }, { resource: withClass('IMP') }, { resource: encounter('e-none', { class: undefined }) }]));
    const { charts, refusals } = await collect(file);
    expect(charts.map((c) => c.sourceRef)).toEqual(['Encounter/e-IMP']);
    expect(refusals).toEqual([
      { file, line: null, reason: expect.stringMatching(/^entry 2: Encounter\/e-PRENC has class 'PRENC', which CodeDesk does not code/) },
      { file, line: null, reason: 'entry 4: Encounter/e-none has no class, so its setting is unknown' },
    ]);
  });
});
