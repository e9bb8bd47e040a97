/** The query linter: each rule refuses what it names and says why; compliant queries of every format pass. */
import { describe, expect, it } from 'vitest';
import { lintQuery } from '../../src/shared/query-lint';
import type { ClinicalIndicator, QueryDraft } from '../../src/shared/queries';

const cite = (text: string, documentTitle = 'Progress note'): ClinicalIndicator => ({
  documentId: 'doc-1',
  documentTitle,
  documentDate: '2026-08-03',
  start: 0,
  end: text.length,
  text,
});

const multipleChoice: QueryDraft = {
  chartId: 'IP-1',
  topic: 'custom',
  question: 'Based on the clinical indicators below, please clarify the condition being evaluated and treated.',
  format: 'multiple_choice',
  options: ['Sepsis due to urinary tract infection', 'Urinary tract infection without sepsis'],
  yesNoPurpose: null,
  indicators: [cite('T 38.9, HR 118, WBC 17.2; urine culture pending; started IV ceftriaxone.')],
  addressedTo: 'Dr. Haddad',
};

const openEnded: QueryDraft = {
  ...multipleChoice,
  format: 'open_ended',
  options: [],
  question: 'Based on your clinical judgment, please document the diagnosis the indicators below represent, if any.',
};

const poa: QueryDraft = {
  ...multipleChoice,
  format: 'yes_no',
  options: [],
  yesNoPurpose: 'establish_poa',
  question: 'Was the stage 3 pressure injury of the sacrum present at the time of inpatient admission?',
  indicators: [cite('Wound care: stage 3 pressure injury, sacrum, first noted hospital day 4.', 'Wound care note')],
};

const rules = (draft: QueryDraft): string[] => lintQuery(draft).map((p) => p.rule);
const only = (draft: QueryDraft) => {
  const problems = lintQuery(draft);
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe('lintQuery: compliant queries pass', () => {
  it('passes a multiple-choice, an open-ended and a yes/no query for each purpose', () => {
    expect(lintQuery(multipleChoice)).toEqual([]);
    expect(lintQuery(openEnded)).toEqual([]);
    expect(lintQuery(poa)).toEqual([]);
    const confirm: QueryDraft = {
      ...poa,
      yesNoPurpose: 'confirm_documented',
      question: 'The discharge summary lists "possible pneumonia". Can pneumonia be confirmed for this admission?',
      indicators: [cite('Impression: possible pneumonia, RLL infiltrate on chest x-ray.', 'Discharge summary')],
    };
    expect(lintQuery(confirm)).toEqual([]);
    const causeEffect: QueryDraft = {
      ...poa,
      yesNoPurpose: 'cause_effect',
      question: 'Is the documented hyponatremia due to the documented SIADH?',
      indicators: [cite('Na 124. SIADH suspected, fluid restriction started.'), cite('Hyponatremia, improving.')],
    };
    expect(lintQuery(causeEffect)).toEqual([]);
  });

  it('does not mistake clinical words for payment ones, nor check the quoted record', () => {
    const clinical: QueryDraft = {
      ...openEnded,
      question:
        'Patient denies chest pain; costovertebral angle tenderness noted; received 500 cc bolus; AUDIT-C score of 9. ' +
        'Based on your clinical judgment, what condition do these indicators represent?',
      indicators: [cite('Hx HCC s/p resection; MCC noted in ED, denial of alcohol use; audit of meds done.')],
    };
    expect(lintQuery(clinical)).toEqual([]);
  });
});

describe('lintQuery: each rule', () => {
  it('refuses a query with no clinical indicator, and says what to do', () => {
    const problem = only({ ...multipleChoice, indicators: [] });
    expect(problem.rule).toBe('query.no-indicator');
    expect(problem.message).toMatch(/cites no clinical indicator.*Select the text in a document/);
  });

  it('refuses an empty question and a query addressed to no one', () => {
    expect(only({ ...multipleChoice, question: '   ' }).rule).toBe('query.empty-question');
    expect(only({ ...multipleChoice, addressedTo: ' ' }).rule).toBe('query.no-addressee');
  });

  it('refuses a multiple-choice query offering a single diagnosis, also when repeated', () => {
    const single = only({ ...multipleChoice, options: ['Sepsis'] });
    expect(single.rule).toBe('query.too-few-options');
    expect(single.message).toContain('offers 1');
    expect(single.message).toContain('leads the provider');
    expect(only({ ...multipleChoice, options: ['Sepsis', ' sepsis '] }).rule).toBe('query.too-few-options');
    expect(only({ ...multipleChoice, options: [] }).message).toContain('offers 0');
  });

  it('refuses "Other" or "undetermined" typed among the clinical options (they are always added) and does not count them', () => {
    const typed = only({ ...multipleChoice, options: [...multipleChoice.options, 'Other', 'Clinically undetermined'] });
    expect(typed.rule).toBe('query.fixed-option-listed');
    expect(typed.message).toContain('remove "Other", "Clinically undetermined"');
    expect(rules({ ...multipleChoice, options: ['Sepsis', 'Other (please specify)'] })).toEqual(['query.too-few-options', 'query.fixed-option-listed']);
  });

  it('refuses yes/no without one of its three purposes', () => {
    const problem = only({ ...poa, yesNoPurpose: null });
    expect(problem.rule).toBe('query.yes-no-purpose');
    expect(problem.message).toMatch(/confirm a documented diagnosis.*present on admission.*cause-and-effect/);
  });

  it('refuses yes/no about a condition the cited indicators never name (a new diagnosis)', () => {
    const newDiagnosis: QueryDraft = {
      ...poa,
      yesNoPurpose: 'confirm_documented',
      question: 'Does the patient have sepsis?',
      indicators: [cite('T 38.9, HR 118, WBC 17.2, lactate 3.1.')],
    };
    expect(only(newDiagnosis).rule).toBe('query.yes-no-undocumented');
    expect(only({ ...poa, question: 'Was the condition present on admission?' }).rule).toBe('query.yes-no-undocumented');
    // Once the record's own words are cited, the same question may be asked.
    expect(lintQuery({ ...newDiagnosis, indicators: [...newDiagnosis.indicators, cite('Assessment: sepsis, source likely urinary.')] })).toEqual([]);
  });

  it('refuses payment and quality words in the question or the options, naming each one found', () => {
    const problem = only({
      ...multipleChoice,
      question: 'Sepsis would change the MS-DRG and the reimbursement. Please clarify the condition treated.',
      options: ['Sepsis (an MCC)', 'Urinary tract infection without sepsis'],
    });
    expect(problem.rule).toBe('query.payment-words');
    expect(problem.message).toContain('("MS-DRG", "reimbursement", "MCC")');
    for (const words of [
      'payment',
      'reimbursed',
      'the payer',
      'money',
      '$1,200',
      'DRG',
      'APR-DRG',
      'quality measures',
      'core measure',
      'PSI',
      'patient safety indicator',
      'HCC',
      'hierarchical condition category',
      'CC',
      'CC/MCC',
      'severity of illness',
      'risk adjustment',
      'risk-adjusted',
      'denial',
      'audit',
    ]) {
      expect(rules({ ...openEnded, question: `${openEnded.question} (${words})` }), words).toEqual(['query.payment-words']);
    }
  });

  it('refuses leading phrasing in open-ended and multiple-choice questions, naming it', () => {
    const problem = only({ ...openEnded, question: 'The patient met SIRS criteria. Please document sepsis.' });
    expect(problem.rule).toBe('query.leading-phrase');
    expect(problem.message).toContain('("Please document")');
    for (const question of [
      'Can you add acute respiratory failure to the discharge summary?',
      'Could you please add malnutrition?',
      'Don’t you agree the patient has sepsis?',
      'Would you agree this is acute on chronic heart failure?',
      'This is encephalopathy, is it not?',
      "The anemia is due to blood loss, isn't it?",
    ]) {
      expect(rules({ ...multipleChoice, question }), question).toEqual(['query.leading-phrase']);
    }
  });
});
