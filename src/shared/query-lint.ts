/**
 * Whether a query may be sent, and if not, why. The rules follow the AHIMA/ACDIS "Guidelines for
 * Achieving a Compliant Query Practice" (2022 update) as DOMAIN.md sums them up: cite the clinical
 * indicators; never lead; never mention payment or quality reporting; multiple choice offers the
 * clinically supported options plus "other" and "clinically undetermined"; yes/no only for what
 * is already documented. Word lists stay short on purpose: a refusal must be one the coder agrees
 * with, and no word list can prove a query compliant, only catch the plain mistakes.
 */
import { FIXED_OPTIONS, type QueryDraft } from './queries';

export const QUERY_LINT_RULES = [
  'query.no-indicator',
  'query.empty-question',
  'query.no-addressee',
  'query.too-few-options',
  'query.fixed-option-listed',
  'query.yes-no-purpose',
  'query.yes-no-undocumented',
  'query.payment-words',
  'query.leading-phrase',
] as const;
export type QueryLintRule = (typeof QUERY_LINT_RULES)[number];

export interface QueryLintProblem {
  rule: QueryLintRule;
  /** Why the query is refused and what to do, in one or two plain sentences. */
  message: string;
}

/** Curly apostrophes as straight ones, so "don’t" and "don't" match alike. */
const plain = (text: string): string => text.replace(/[\u2018\u2019]/g, "'");

/** Every match of every pattern, in the order they appear, each distinct wording once. */
function findAll(text: string, patterns: readonly RegExp[]): string[] {
  const hits: { at: number; word: string }[] = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) hits.push({ at: m.index, word: m[0].trim() });
  }
  hits.sort((a, b) => a.at - b.at);
  const distinct = new Map<string, string>();
  for (const { word } of hits) if (!distinct.has(word.toLowerCase())) distinct.set(word.toLowerCase(), word);
  return [...distinct.values()];
}

const quoted = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(', ');

/**
 * Payment, grouping and quality-programme words. "CC" and "MCC" match in capitals only: "500 cc"
 * is a volume. Some abbreviations also have clinical meanings (HCC is hepatocellular carcinoma,
 * PSI a pressure unit); the refusal names the word, and the coder spells the clinical term out.
 */
const PAYMENT_WORDS: readonly RegExp[] = [
  /\b(?:payments?|pay|paid|payers?|reimburse(?:s|d|ment|ments)?|revenue|money|dollars?|billing|billable|costs?|financial(?:ly)?)\b/gi,
  /\$\s?\d/g,
  /\b(?:MS-|APR-)?DRGs?\b/gi,
  /\b(?:quality|core) measures?\b/gi,
  /\bpatient safety indicators?\b/gi,
  /\bPSIs?\b/gi,
  /\bhierarchical condition categor(?:y|ies)\b/gi,
  /\bHCCs?\b/gi,
  /\bM?CCs?\b/g,
  /\bseverity of illness\b/gi,
  /\brisk[- ]adjust(?:ed|ment|ments)?\b/gi,
  /\bdenials?\b/gi,
  // AUDIT-C is an alcohol screening score, not an audit.
  /\baudit(?:s|ed|ors?)?\b(?!-c\b)/gi,
];

/**
 * Phrases that tell the provider what to write or presume the answer. "Please document" is refused
 * only before a named condition: "please document the diagnosis the indicators represent" is the
 * guidelines' own neutral wording.
 */
const LEADING_PHRASES: readonly RegExp[] = [
  /\bplease (?:document|add)\b(?=\s+(?!(?:the|your|any|a|an|whether|if|what|which|how)\b)\w)/gi,
  /\b(?:can|could|would) you (?:please )?add\b/gi,
  /\b(?:do|don't|would|wouldn't) you agree\b/gi,
  /\bis it not\b/gi,
  /\bisn't (?:it|this|that)\b/gi,
];

/** A typed-in "Other" or "undetermined" is one of the fixed options, not a clinical alternative. */
const FIXED_LIKE = /^(?:other\s*(?:\(.*\)|:)?|(?:clinically )?undetermined|unable to determine|cannot be determined)$/i;

const normalOption = (option: string): string => option.trim().replace(/\s+/g, ' ').toLowerCase();

/** Words too common in any query to show that the question and an indicator speak of one condition. */
const QUERY_WORDS = new Set(
  (
    'the and was were for with you are this that has have had been can could does did not any there from into your yes ' +
    'please confirm confirmed confirms document documented documentation record note notes patient diagnosis diagnosed ' +
    'condition clinical clinically provider physician present admission admitted inpatient time status query indicators ' +
    'indicator based being due related cause caused causes result resulted secondary associated whether what which'
  ).split(' '),
);

/** Content words of a text, plural 's' dropped. */
const contentWords = (text: string): Set<string> =>
  new Set(
    (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
      .filter((w) => w.length >= 3 && !QUERY_WORDS.has(w))
      .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w)),
  );

/**
 * Yes/no is only for a condition already documented. Heuristic: some content word of the question
 * must appear in a cited indicator, i.e. the question names the condition in the record's words.
 * Its limits: a shared word shows no diagnosis by itself (a body site will do), a negated mention
 * ("no pneumonia") counts, an abbreviation does not meet its spelled-out form, and whether the
 * indicator is a provider's statement rather than a lab value is not known. It catches the plain
 * case: a yes/no question about a diagnosis the cited text never names.
 */
function namesDocumentedCondition(draft: QueryDraft): boolean {
  const cited = contentWords(draft.indicators.map((i) => i.text).join(' '));
  return [...contentWords(draft.question)].some((w) => cited.has(w));
}

function optionProblems(draft: QueryDraft): QueryLintProblem[] {
  const problems: QueryLintProblem[] = [];
  const fixedTyped = draft.options.filter((o) => FIXED_LIKE.test(o.trim()));
  const clinical = new Set(draft.options.filter((o) => !FIXED_LIKE.test(o.trim())).map(normalOption).filter((o) => o !== ''));
  // The guidelines allow a single reasonable option; CodeDesk asks for two, because one diagnosis
  // offered alone (with only "other" and "undetermined" beside it) reads as the answer wanted.
  if (clinical.size < 2) {
    problems.push({
      rule: 'query.too-few-options',
      message:
        `A multiple-choice query needs at least two different clinically supported options; this one offers ${clinical.size}. ` +
        'A single diagnosis offered without alternatives leads the provider: add the other options the indicators support, or ask an open-ended question.',
    });
  }
  if (fixedTyped.length > 0) {
    problems.push({
      rule: 'query.fixed-option-listed',
      message: `"${FIXED_OPTIONS[0]}" and "${FIXED_OPTIONS[1]}" are added to every multiple-choice query; remove ${quoted(fixedTyped)} from the clinically supported options.`,
    });
  }
  return problems;
}

function yesNoProblems(draft: QueryDraft): QueryLintProblem[] {
  if (draft.yesNoPurpose === null) {
    return [
      {
        rule: 'query.yes-no-purpose',
        message:
          'A yes/no query may only confirm a documented diagnosis, establish whether a condition was present on admission, or ask about a cause-and-effect relationship. ' +
          'Choose one of these purposes, or ask an open-ended or multiple-choice question.',
      },
    ];
  }
  if (draft.indicators.length > 0 && !namesDocumentedCondition(draft)) {
    return [
      {
        rule: 'query.yes-no-undocumented',
        message:
          'A yes/no query may only ask about a condition already documented, and the question names nothing the cited indicators say. ' +
          'Name the condition as the record words it and cite where it is documented, or ask a multiple-choice question.',
      },
    ];
  }
  return [];
}

/** The problems that stop the query from being sent; an empty list means it may be sent. */
export function lintQuery(draft: QueryDraft): QueryLintProblem[] {
  const problems: QueryLintProblem[] = [];
  if (draft.indicators.length === 0) {
    problems.push({
      rule: 'query.no-indicator',
      message: 'The query cites no clinical indicator. Select the text in a document that prompts the question and add it as an indicator.',
    });
  }
  if (draft.question.trim() === '') {
    problems.push({ rule: 'query.empty-question', message: 'The query has no question. Write what you are asking the provider to clarify.' });
  }
  if (draft.addressedTo.trim() === '') {
    problems.push({ rule: 'query.no-addressee', message: 'The query is addressed to no one. Name the provider who should answer it.' });
  }
  if (draft.format === 'multiple_choice') problems.push(...optionProblems(draft));
  if (draft.format === 'yes_no') problems.push(...yesNoProblems(draft));

  // What the provider reads from the coder: the question and the offered options (indicators
  // quote the record, where "denies", "HCC" or "cc" are clinical, so they are not checked).
  const written = plain([draft.question, ...(draft.format === 'multiple_choice' ? draft.options : [])].join('\n'));
  const payment = findAll(written, PAYMENT_WORDS);
  if (payment.length > 0) {
    problems.push({
      rule: 'query.payment-words',
      message:
        `The query mentions payment or quality reporting (${quoted(payment)}). A compliant query asks about the clinical picture only: ` +
        'remove these words, and spell out an abbreviation that has a clinical meaning.',
    });
  }
  if (draft.format !== 'yes_no') {
    const leading = findAll(plain(draft.question), LEADING_PHRASES);
    if (leading.length > 0) {
      problems.push({
        rule: 'query.leading-phrase',
        message: `The question steers the provider toward an answer (${quoted(leading)}). Ask what the indicators represent and let the provider choose.`,
      });
    }
  }
  return problems;
}
