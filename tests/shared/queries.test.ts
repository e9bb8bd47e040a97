/** Physician query model: the status moves, the draft and answer shapes, what the provider is offered. */
import { describe, expect, it } from 'vitest';
import {
  ANSWER_KINDS,
  answerChoice,
  answerProblem,
  canMoveQuery,
  clinicalIndicatorSchema,
  IMPLIED_AGREEMENT,
  offeredChoices,
  QUERY_STATUSES,
  queryAnswerSchema,
  queryDraftSchema,
  type ClinicalIndicator,
  type QueryAnswer,
  type QueryDraft,
} from '../../src/shared/queries';

const NOTE = 'Assessment: lactate 4.1, hypotensive despite 30 mL/kg fluids.';
const indicator: ClinicalIndicator = {
  documentId: 'doc-1',
  documentTitle: 'Progress note',
  documentDate: '2026-08-03',
  start: 12,
  end: 12 + NOTE.length,
  text: NOTE,
};

const draft: QueryDraft = {
  chartId: 'IP-1',
  topic: 'sepsis',
  question: 'Based on the clinical indicators below, please clarify the condition being treated.',
  format: 'multiple_choice',
  options: ['Sepsis', 'Septic shock'],
  yesNoPurpose: null,
  indicators: [indicator],
  addressedTo: 'Dr. Leila Haddad',
};

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('query status', () => {
  it('moves draft → sent → answered → closed, and draft or sent → cancelled → closed; nothing else', () => {
    const allowed = QUERY_STATUSES.flatMap((from) => QUERY_STATUSES.filter((to) => canMoveQuery(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(['answered→closed', 'cancelled→closed', 'draft→cancelled', 'draft→sent', 'sent→answered', 'sent→cancelled']);
  });
});

describe('query draft shape', () => {
  it('accepts a complete draft, and an incomplete one (the lint, not the shape, decides whether it may be sent)', () => {
    expect(issues(queryDraftSchema.safeParse(draft))).toEqual([]);
    expect(issues(queryDraftSchema.safeParse({ ...draft, question: '', indicators: [], addressedTo: '' }))).toEqual([]);
  });

  it('keeps a purpose to yes/no and options to multiple choice', () => {
    expect(issues(queryDraftSchema.safeParse({ ...draft, yesNoPurpose: 'establish_poa' }))).toEqual(['yesNoPurpose: only a yes/no query has a purpose']);
    expect(issues(queryDraftSchema.safeParse({ ...draft, format: 'open_ended' }))).toEqual(['options: only a multiple-choice query lists options']);
    expect(issues(queryDraftSchema.safeParse({ ...draft, format: 'yes_no', options: [], yesNoPurpose: 'establish_poa' }))).toEqual([]);
  });

  it('refuses an unknown topic, an over-long question and too many options', () => {
    expect(queryDraftSchema.safeParse({ ...draft, topic: 'upcoding' }).success).toBe(false);
    expect(queryDraftSchema.safeParse({ ...draft, question: 'x'.repeat(2001) }).success).toBe(false);
    expect(queryDraftSchema.safeParse({ ...draft, options: Array.from({ length: 13 }, (_, i) => `Option ${i}`) }).success).toBe(false);
  });

  it('keeps an indicator as the selected span: its text is exactly end − start characters, with a date and a title', () => {
    expect(clinicalIndicatorSchema.safeParse(indicator).success).toBe(true);
    expect(issues(clinicalIndicatorSchema.safeParse({ ...indicator, end: indicator.end + 1 }))).toEqual(['text: the indicator text is not the span from start to end']);
    expect(clinicalIndicatorSchema.safeParse({ ...indicator, documentDate: '03/08/2026' }).success).toBe(false);
    expect(clinicalIndicatorSchema.safeParse({ ...indicator, documentTitle: '  ' }).success).toBe(false);
    expect(clinicalIndicatorSchema.safeParse({ ...indicator, text: '   ', end: indicator.start + 3 }).success).toBe(false);
    const long = 'x'.repeat(2001);
    expect(clinicalIndicatorSchema.safeParse({ ...indicator, text: long, end: indicator.start + long.length }).success).toBe(false);
  });
});

describe('what the provider is offered', () => {
  it('adds "Other" and "Clinically undetermined" after the clinical options, and to yes/no; open-ended offers no list', () => {
    expect(offeredChoices(draft)).toEqual(['Sepsis', 'Septic shock', 'Other (please specify)', 'Clinically undetermined']);
    expect(offeredChoices({ format: 'yes_no', options: [] })).toEqual(['Yes', 'No', 'Other (please specify)', 'Clinically undetermined']);
    expect(offeredChoices({ format: 'open_ended', options: [] })).toEqual([]);
  });
});

describe('query answers', () => {
  const answer = (a: Partial<QueryAnswer> & Pick<QueryAnswer, 'kind'>): QueryAnswer => ({ text: '', agreed: IMPLIED_AGREEMENT[a.kind] ?? false, ...a });

  it('accepts each kind in its shape; free text always allowed, with the coder judging its agreement', () => {
    for (const kind of ANSWER_KINDS) {
      const a = answer({ kind, ...(kind === 'option' ? { optionIndex: 1 } : {}), ...(kind === 'free_text' ? { text: 'Urosepsis' } : {}) });
      expect(issues(queryAnswerSchema.safeParse(a))).toEqual([]);
    }
    expect(queryAnswerSchema.safeParse(answer({ kind: 'free_text', text: 'Bacteremia only', agreed: false })).success).toBe(true);
    expect(queryAnswerSchema.safeParse(answer({ kind: 'free_text', text: 'Sepsis due to E. coli UTI', agreed: true })).success).toBe(true);
  });

  it('counts "clinically undetermined" and "no" as answered, never as agreement; an offered option always agrees', () => {
    expect(issues(queryAnswerSchema.safeParse(answer({ kind: 'undetermined', agreed: true })))).toEqual(['agreed: agreement follows from this kind of answer']);
    expect(queryAnswerSchema.safeParse(answer({ kind: 'no', agreed: true })).success).toBe(false);
    expect(queryAnswerSchema.safeParse(answer({ kind: 'option', optionIndex: 0, agreed: false })).success).toBe(false);
  });

  it('needs an option index for an option answer only, and words for a free-text one', () => {
    expect(queryAnswerSchema.safeParse(answer({ kind: 'option' })).success).toBe(false);
    expect(queryAnswerSchema.safeParse(answer({ kind: 'yes', optionIndex: 0 })).success).toBe(false);
    expect(issues(queryAnswerSchema.safeParse(answer({ kind: 'free_text', text: ' ' })))).toEqual(['text: write the provider’s answer']);
  });

  it('says when an answer does not fit its query', () => {
    expect(answerProblem(draft, answer({ kind: 'option', optionIndex: 1 }))).toBeNull();
    expect(answerProblem(draft, answer({ kind: 'option', optionIndex: 2 }))).toBe('The answer names an option the query did not offer.');
    expect(answerProblem(draft, answer({ kind: 'yes' }))).toBe('A multiple choice query cannot be answered "yes".');
    expect(answerProblem({ format: 'open_ended', options: [] }, answer({ kind: 'undetermined' }))).toBeNull();
    expect(answerProblem({ format: 'yes_no', options: [] }, answer({ kind: 'free_text', text: 'Only partly' }))).toBeNull();
  });

  it('names the choice an answer picked as the provider saw it', () => {
    expect(answerChoice(draft, answer({ kind: 'option', optionIndex: 1 }))).toBe('Septic shock');
    expect(answerChoice(draft, answer({ kind: 'free_text', text: 'Bacteremia' }))).toBe('Other (please specify)');
    expect(answerChoice({ format: 'open_ended', options: [] }, answer({ kind: 'free_text', text: 'x' }))).toBe('Answer');
    expect(answerChoice(draft, answer({ kind: 'undetermined' }))).toBe('Clinically undetermined');
  });
});
