/**
 * Physician queries: the forms a compliant query may take, its life (draft → sent → answered |
 * cancelled → closed), what it cites from the chart, and how the provider answers. Pure types,
 * constants and input schemas; the compliance checks are in query-lint.ts, the templates in
 * query-templates.ts.
 */
import { z } from 'zod';

export const QUERY_FORMATS = ['open_ended', 'multiple_choice', 'yes_no'] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];

export const QUERY_FORMAT_LABELS: Record<QueryFormat, string> = {
  open_ended: 'Open-ended',
  multiple_choice: 'Multiple choice',
  yes_no: 'Yes/no',
};

/** A yes/no question leads unless it asks about what is already documented: these uses only. */
export const YES_NO_PURPOSES = ['confirm_documented', 'establish_poa', 'cause_effect'] as const;
export type YesNoPurpose = (typeof YES_NO_PURPOSES)[number];

export const YES_NO_PURPOSE_LABELS: Record<YesNoPurpose, string> = {
  confirm_documented: 'Confirm a documented diagnosis',
  establish_poa: 'Establish present on admission',
  cause_effect: 'Establish a cause-and-effect relationship',
};

export const QUERY_STATUSES = ['draft', 'sent', 'answered', 'cancelled', 'closed'] as const;
export type QueryStatus = (typeof QUERY_STATUSES)[number];

export const QUERY_STATUS_LABELS: Record<QueryStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  answered: 'Answered',
  cancelled: 'Cancelled',
  closed: 'Closed',
};

/** Every move a query may make. A sent query is never edited back into a draft: what the provider read stays on record. */
export const QUERY_TRANSITIONS: Readonly<Record<QueryStatus, readonly QueryStatus[]>> = {
  draft: ['sent', 'cancelled'],
  sent: ['answered', 'cancelled'],
  answered: ['closed'],
  cancelled: ['closed'],
  closed: [],
};

export function canMoveQuery(from: QueryStatus, to: QueryStatus): boolean {
  return QUERY_TRANSITIONS[from].includes(to);
}

/** When a query entered each status (ISO timestamps); turnaround is answeredAt − sentAt. */
export interface QueryDates {
  createdAt: string;
  sentAt: string | null;
  answeredAt: string | null;
  cancelledAt: string | null;
  closedAt: string | null;
}

/** The date a move into each status stamps. */
export const QUERY_STATUS_DATE: Record<QueryStatus, keyof QueryDates> = {
  draft: 'createdAt',
  sent: 'sentAt',
  answered: 'answeredAt',
  cancelled: 'cancelledAt',
  closed: 'closedAt',
};

/** Templates for the common cases (their content is in query-templates.ts); 'custom' is a query written from scratch. */
export const QUERY_TEMPLATE_IDS = [
  'sepsis',
  'malnutrition',
  'acute_respiratory_failure',
  'heart_failure',
  'anemia_type',
  'encephalopathy',
  'pressure_injury_stage',
  'debridement_depth',
] as const;
export type QueryTemplateId = (typeof QUERY_TEMPLATE_IDS)[number];
export const QUERY_TOPICS = [...QUERY_TEMPLATE_IDS, 'custom'] as const;
export type QueryTopic = (typeof QUERY_TOPICS)[number];

export const QUERY_LIMITS = {
  questionChars: 2000,
  optionChars: 200,
  options: 12,
  /** A selection longer than this is not an indicator but a document; the coder selects the telling part. */
  indicatorChars: 2000,
  indicators: 20,
  documentTitleChars: 200,
  addresseeChars: 120,
  answerChars: 2000,
} as const;

/** A span of a chart document the query cites, kept as selected so the screen can show and mark it. */
export interface ClinicalIndicator {
  documentId: string;
  documentTitle: string;
  /** The document's date, YYYY-MM-DD. */
  documentDate: string;
  /** UTF-16 offsets into the document's text, end exclusive: text === documentText.slice(start, end). */
  start: number;
  end: number;
  text: string;
}

/** What the coder composes. Stored as written, so the query the provider read can always be shown again. */
export interface QueryDraft {
  chartId: string;
  topic: QueryTopic;
  question: string;
  format: QueryFormat;
  /** Multiple choice only: the clinically supported options. The fixed ones (FIXED_OPTIONS) are added when shown, never stored here. */
  options: string[];
  /** Yes/no only; null for the other formats. */
  yesNoPurpose: YesNoPurpose | null;
  indicators: ClinicalIndicator[];
  /** The provider asked: a name or an identifier, as the coder wrote it. */
  addressedTo: string;
}

export const OTHER_OPTION = 'Other (please specify)';
export const UNDETERMINED_OPTION = 'Clinically undetermined';
/** Appended to every multiple-choice and yes/no query, so the provider is never confined to the coder's choices. */
export const FIXED_OPTIONS = [OTHER_OPTION, UNDETERMINED_OPTION] as const;

/** The choices the provider sees, in order (open-ended offers none: the answer is free text). */
export function offeredChoices(draft: Pick<QueryDraft, 'format' | 'options'>): string[] {
  if (draft.format === 'multiple_choice') return [...draft.options, ...FIXED_OPTIONS];
  if (draft.format === 'yes_no') return ['Yes', 'No', ...FIXED_OPTIONS];
  return [];
}

/**
 * How the provider answered. 'free_text' is "Other (please specify)" on a multiple-choice or yes/no
 * query and the whole answer to an open-ended one; 'undetermined' is "Clinically undetermined",
 * open to every format.
 */
export const ANSWER_KINDS = ['option', 'free_text', 'yes', 'no', 'undetermined'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const ANSWER_KINDS_BY_FORMAT: Record<QueryFormat, readonly AnswerKind[]> = {
  open_ended: ['free_text', 'undetermined'],
  multiple_choice: ['option', 'free_text', 'undetermined'],
  yes_no: ['yes', 'no', 'free_text', 'undetermined'],
};

export interface QueryAnswer {
  kind: AnswerKind;
  /** 'option' only: 0-based index into the draft's clinically supported options. */
  optionIndex?: number;
  /** The provider's own words: required for 'free_text', an optional comment ('' when none) otherwise. */
  text: string;
  /**
   * Whether the answer confirmed a documented or offered diagnosis (the query agreement rate).
   * Fixed by the kind except for free text, which the coder judges (see IMPLIED_AGREEMENT).
   */
  agreed: boolean;
}

/**
 * Agreement each kind implies; null = the coder decides. An offered option or "yes" confirms what
 * was asked; "no" does not; "clinically undetermined" counts as answered, never as agreement.
 */
export const IMPLIED_AGREEMENT: Record<AnswerKind, boolean | null> = {
  option: true,
  free_text: null,
  yes: true,
  no: false,
  undetermined: false,
};

/** The choice an answer picked, as the provider saw it. */
export function answerChoice(draft: Pick<QueryDraft, 'format' | 'options'>, answer: QueryAnswer): string {
  switch (answer.kind) {
    case 'option':
      return draft.options[answer.optionIndex ?? -1] ?? `Option ${(answer.optionIndex ?? -1) + 1}`;
    case 'free_text':
      return draft.format === 'open_ended' ? 'Answer' : OTHER_OPTION;
    case 'yes':
      return 'Yes';
    case 'no':
      return 'No';
    case 'undetermined':
      return UNDETERMINED_OPTION;
  }
}

/** Why an answer does not fit the query it answers, or null when it does. */
export function answerProblem(draft: Pick<QueryDraft, 'format' | 'options'>, answer: QueryAnswer): string | null {
  if (!ANSWER_KINDS_BY_FORMAT[draft.format].includes(answer.kind)) {
    return `A ${QUERY_FORMAT_LABELS[draft.format].toLowerCase()} query cannot be answered "${answer.kind.replace('_', ' ')}".`;
  }
  if (answer.kind === 'option' && (answer.optionIndex === undefined || answer.optionIndex >= draft.options.length)) {
    return 'The answer names an option the query did not offer.';
  }
  return null;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const clinicalIndicatorSchema = z
  .object({
    documentId: z.string().min(1).max(64),
    documentTitle: z.string().trim().min(1).max(QUERY_LIMITS.documentTitleChars),
    documentDate: isoDate,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    text: z
      .string()
      .max(QUERY_LIMITS.indicatorChars, `select at most ${QUERY_LIMITS.indicatorChars} characters as one indicator`)
      .regex(/\S/, 'select some text for the indicator'),
  })
  .strict()
  // The span must be the selection itself, so the document can mark it again.
  .refine((i) => i.end - i.start === i.text.length, { message: 'the indicator text is not the span from start to end', path: ['text'] }) satisfies z.ZodType<ClinicalIndicator>;

/**
 * A draft as saved. It may be incomplete (no question, no indicator yet): the lint decides whether
 * it may be sent. What is checked here is its shape: the fields that belong to one format only.
 */
export const queryDraftSchema = z
  .object({
    chartId: z.string().min(1).max(64),
    topic: z.enum(QUERY_TOPICS),
    question: z.string().max(QUERY_LIMITS.questionChars, `keep the question to ${QUERY_LIMITS.questionChars} characters`),
    format: z.enum(QUERY_FORMATS),
    options: z
      .array(z.string().trim().min(1, 'an option cannot be empty').max(QUERY_LIMITS.optionChars))
      .max(QUERY_LIMITS.options, `offer at most ${QUERY_LIMITS.options} options`),
    yesNoPurpose: z.enum(YES_NO_PURPOSES).nullable(),
    indicators: z.array(clinicalIndicatorSchema).max(QUERY_LIMITS.indicators, `cite at most ${QUERY_LIMITS.indicators} indicators`),
    addressedTo: z.string().trim().max(QUERY_LIMITS.addresseeChars),
  })
  .strict()
  .refine((d) => d.format === 'yes_no' || d.yesNoPurpose === null, { message: 'only a yes/no query has a purpose', path: ['yesNoPurpose'] })
  .refine((d) => d.format === 'multiple_choice' || d.options.length === 0, {
    message: 'only a multiple-choice query lists options',
    path: ['options'],
  }) satisfies z.ZodType<QueryDraft>;

/** An answer's own shape; whether it fits its query is answerProblem's question. */
export const queryAnswerSchema = z
  .object({
    kind: z.enum(ANSWER_KINDS),
    optionIndex: z.number().int().min(0).max(QUERY_LIMITS.options - 1).optional(),
    text: z.string().max(QUERY_LIMITS.answerChars, `keep the answer to ${QUERY_LIMITS.answerChars} characters`),
    agreed: z.boolean(),
  })
  .strict()
  .refine((a) => (a.kind === 'option') === (a.optionIndex !== undefined), { message: 'an option answer names its option, and only it', path: ['optionIndex'] })
  .refine((a) => a.kind !== 'free_text' || a.text.trim() !== '', { message: 'write the provider’s answer', path: ['text'] })
  .refine((a) => IMPLIED_AGREEMENT[a.kind] === null || IMPLIED_AGREEMENT[a.kind] === a.agreed, {
    message: 'agreement follows from this kind of answer',
    path: ['agreed'],
  }) satisfies z.ZodType<QueryAnswer>;
