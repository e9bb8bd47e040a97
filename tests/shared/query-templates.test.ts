/** Query templates: one per common case, each compliant once the coder cites an indicator. */
import { describe, expect, it } from 'vitest';
import { lintQuery } from '../../src/shared/query-lint';
import { draftFromTemplate, QUERY_TEMPLATE_LIST, QUERY_TEMPLATES } from '../../src/shared/query-templates';
import { QUERY_TEMPLATE_IDS, queryDraftSchema, type ClinicalIndicator } from '../../src/shared/queries';

const indicator: ClinicalIndicator = { documentId: 'd1', documentTitle: 'H&P', documentDate: '2026-08-03', start: 0, end: 9, text: 'WBC 17.2.' };

describe('query templates', () => {
  it('has one template per common case, listed in order', () => {
    expect(QUERY_TEMPLATE_LIST.map((t) => t.id)).toEqual([...QUERY_TEMPLATE_IDS]);
    expect(QUERY_TEMPLATE_LIST.map((t) => t.label)).toEqual([
      'Sepsis',
      'Malnutrition',
      'Acute respiratory failure',
      'Heart failure type and acuity',
      'Anemia type',
      'Encephalopathy',
      'Pressure injury stage',
      'Debridement depth',
    ]);
  });

  it.each(QUERY_TEMPLATE_LIST.map((t) => [t.id] as const))('%s: is a valid draft, refused without an indicator, compliant with one', (id) => {
    const template = QUERY_TEMPLATES[id];
    expect(template.options.length).toBeGreaterThanOrEqual(2);
    expect(template.indicatorHints.length).toBeGreaterThan(0);
    const draft = draftFromTemplate(id, 'IP-1', 'Dr. Haddad');
    expect(queryDraftSchema.safeParse(draft).success).toBe(true);
    expect(lintQuery(draft).map((p) => p.rule)).toEqual(['query.no-indicator']);
    expect(lintQuery({ ...draft, indicators: [indicator] })).toEqual([]);
  });

  it('offers heart failure as every acuity × type, with HFrEF and HFpEF named', () => {
    const options = QUERY_TEMPLATES.heart_failure.options;
    expect(options).toHaveLength(9);
    expect(options).toContain('Acute on chronic systolic (HFrEF) heart failure');
    expect(options).toContain('Chronic diastolic (HFpEF) heart failure');
    expect(options).toContain('Acute combined systolic and diastolic heart failure');
  });

  it('offers the pressure injury stages and the debridement depths that coding separates', () => {
    expect(QUERY_TEMPLATES.pressure_injury_stage.options.map((o) => o.split(':')[0])).toEqual([
      'Stage 1',
      'Stage 2',
      'Stage 3',
      'Stage 4',
      'Unstageable',
      'Deep tissue pressure injury',
    ]);
    expect(QUERY_TEMPLATES.debridement_depth.options).toEqual(['Skin only (epidermis and/or dermis)', 'Subcutaneous tissue', 'Muscle and/or fascia', 'Bone']);
    expect(QUERY_TEMPLATES.malnutrition.options.slice(0, 3)).toEqual([
      'Mild protein-calorie malnutrition',
      'Moderate protein-calorie malnutrition',
      'Severe protein-calorie malnutrition',
    ]);
  });

  it('gives each draft its own copy of the options, so editing one leaves the template alone', () => {
    const draft = draftFromTemplate('sepsis', 'IP-1');
    draft.options.pop();
    expect(QUERY_TEMPLATES.sepsis.options).toHaveLength(5);
    expect(draft).toMatchObject({ topic: 'sepsis', addressedTo: '', indicators: [], yesNoPurpose: null });
  });
});
