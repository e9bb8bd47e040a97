/**
 * The demo workspace applies the same edits as the official files (issue 11, item 8): an exempt
 * code takes POA 1, anatomic modifiers are accepted, a maternity code on the 67-year-old man is
 * flagged, and an edit the demo cannot run is named rather than passed in silence.
 */
import { describe, expect, it } from 'vitest';
import { MODIFIER_EXAMPLES, type Coding } from '../../../src/shared/domain';
import { demoApp, must } from '../helpers/app';

async function validate(chartId: string, coding: Coding) {
  const { app } = await demoApp();
  const { revision } = await must(app, 'coding.get', { chartId });
  await must(app, 'coding.save', { chartId, coding, revision });
  return must(app, 'coding.validate', { chartId });
}

const px = (code: string, modifiers: string[] = []) => ({ system: 'cpt' as const, code, modifiers, units: 1, date: null });

describe('edits on the demo workspace', () => {
  it('accepts POA 1 on a POA-exempt code (Z79.4) on the inpatient demo chart', async () => {
    const problems = await validate('IP-260101', {
      diagnoses: [{ code: 'A41.51', poa: 'Y' }, { code: 'Z79.4', poa: '1' }],
      procedures: [],
    });
    expect(problems.filter((p) => p.codes.includes('Z79.4'))).toEqual([]);
  });

  it('flags a maternity diagnosis on the 67-year-old man (MCE 4C), citing the MCE release', async () => {
    const problems = await validate('IP-260101', {
      diagnoses: [{ code: 'A41.51', poa: 'Y' }, { code: 'O24.420', poa: 'Y' }],
      procedures: [],
    });
    const maternity = problems.find((p) => p.rule === 'mce.age.maternity');
    expect(maternity?.codes).toEqual(['O24.420']);
    expect(maternity?.source).toContain('MCE v43.1');
  });

  it('accepts the anatomic modifiers LT and RT on a demo procedure', async () => {
    const problems = await validate('OS-260202', {
      diagnoses: [{ code: 'H25.13', poa: null }],
      procedures: [px('66984', ['LT']), px('66984', ['RT'])],
    });
    expect(problems.filter((p) => p.rule === 'code.modifier')).toEqual([]);
  });

  it('accepts every modifier the modifier field suggests', async () => {
    const problems = await validate('PF-260407', {
      diagnoses: [{ code: 'S92.354G', poa: null }],
      procedures: MODIFIER_EXAMPLES.map((m) => px('73630', [m])),
    });
    expect(problems.filter((p) => p.rule === 'code.modifier')).toEqual([]);
  });

  it('still refuses a modifier that does not exist', async () => {
    const problems = await validate('OS-260202', { diagnoses: [{ code: 'H25.13', poa: null }], procedures: [px('66984', ['ZZ'])] });
    expect(problems.filter((p) => p.rule === 'code.modifier').map((p) => p.message)).toEqual(['Modifier ZZ on 66984 is not a valid CPT or HCPCS modifier on 2026-07-16.']);
  });
});

describe('an edit that cannot run', () => {
  it('is a note that names it, and submit needs no acknowledgement for it', async () => {
    const { app } = await demoApp();
    const chartId = 'PF-260407';
    const { revision } = await must(app, 'coding.get', { chartId });
    const coding: Coding = {
      diagnoses: [{ code: 'S92.354G', poa: null }],
      procedures: [
        { ...px('99213'), pointers: ['S92.354G'] },
        { ...px('73630'), pointers: ['S92.354G'] },
      ],
    };
    await must(app, 'coding.save', { chartId, coding, revision });
    const problems = await must(app, 'coding.validate', { chartId });
    const notRun = problems.find((p) => p.rule === 'edits.not-run');
    expect(notRun).toMatchObject({ severity: 'note', message: expect.stringContaining('NCCI PTP (practitioner)') });
    expect(problems.filter((p) => p.severity !== 'note')).toEqual([]);
    expect(await must(app, 'charts.submit', { chartId })).toMatchObject({ submitted: true });
  });
});
