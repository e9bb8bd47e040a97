/**
 * How surgeons write what ICD-10-PCS names differently: approach words ("laparoscopic" is the
 * Percutaneous Endoscopic approach), sides, and the Greek/Latin suffixes of operation names
 * ("tonsillectomy" is about the tonsils; "paracentesis" is done through a needle).
 */
import { wordsOf } from './title-words';

/** Typed word → the words PCS titles use for it (matched as word starts). */
const TYPED_TO_TITLE: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  // Approach (5th character).
  ...['laparoscopic', 'laparoscopy', 'lap', 'robotic', 'robot', 'robotically', 'arthroscopic', 'arthroscopy',
    'thoracoscopic', 'thoracoscopy', 'vats', 'mediastinoscopic'].map(
    (w) => [w, ['percutaneous', 'endoscopic']] as const,
  ),
  ...['endoscopic', 'endoscopy', 'egd', 'scope', 'transurethral', 'hysteroscopic', 'hysteroscopy', 'cystoscopic',
    'cystoscopy', 'colonoscopic', 'colonoscopy', 'bronchoscopic', 'bronchoscopy', 'ureteroscopic', 'ureteroscopy'].map(
    (w) => [w, ['via', 'natural', 'opening', 'endoscopic']] as const,
  ),
  ...['transvaginal', 'transoral', 'transanal', 'transnasal'].map((w) => [w, ['via', 'natural', 'opening']] as const),
  ...['percutaneous', 'needle', 'fluoroscopic', 'transcatheter'].map((w) => [w, ['percutaneous']] as const),
  ...['closed', 'external', 'manual', 'noninvasive'].map((w) => [w, ['external']] as const),
  ['open', ['open']],
  // Sides (body part values).
  ['lt', ['left']],
  ['rt', ['right']],
  ['bilat', ['bilateral']],
  ['both', ['bilateral']],
  // Common device words.
  ['stent', ['intraluminal']],
  ['des', ['drug', 'eluting', 'intraluminal']],
  ['pacemaker', ['pacemaker']],
  ['graft', ['substitute']],
  ['prosthesis', ['synthetic', 'substitute']],
  ['implant', ['synthetic', 'substitute']],
]);

/** The title words a typed word stands for (itself when PCS has no other name for it). */
export function titleWordsFor(typed: string): readonly string[] {
  return TYPED_TO_TITLE.get(typed) ?? [typed];
}

/** Words that only narrow a procedure (approach, side): they never name one by themselves. */
export function isNarrowingWord(typed: string): boolean {
  return TYPED_TO_TITLE.has(typed) || typed === 'left' || typed === 'right' || typed === 'bilateral';
}

/** Title words of the approach axis (5th character): "Via Natural or Artificial Opening Endoscopic" … */
const APPROACH_TITLE_WORDS: ReadonlySet<string> = new Set(['percutaneous', 'endoscopic', 'via', 'natural', 'or', 'artificial', 'opening', 'external', 'open']);

/** Whether a title word belongs to an approach value. */
export function isApproachTitleWord(word: string): boolean {
  return APPROACH_TITLE_WORDS.has(word);
}

/** Words that only say how the site was reached ("laparoscopic", "open"). */
export function isApproachWord(typed: string): boolean {
  return TYPED_TO_TITLE.has(typed) && titleWordsFor(typed).every(isApproachTitleWord);
}

/** Operation suffixes, longest first, and the approach each implies when nothing typed says otherwise. */
const SUFFIXES: readonly { suffix: string; approach: readonly string[] | null }[] = [
  { suffix: 'centesis', approach: ['percutaneous'] },
  { suffix: 'ectomy', approach: null },
  { suffix: 'ostomy', approach: null },
  { suffix: 'otomy', approach: null },
  { suffix: 'plasty', approach: null },
  { suffix: 'orrhaphy', approach: null },
  { suffix: 'opexy', approach: null },
  { suffix: 'oscopy', approach: ['via', 'natural', 'opening', 'endoscopic'] },
  { suffix: 'otripsy', approach: null },
  { suffix: 'ography', approach: null },
];
/** Shortest stem worth matching against a body part ("tonsi" → Tonsils, "append" → Appendix). */
const STEM_LENGTH = 5;

export interface TermHints {
  /** Word starts of the body part the operation's name holds ("tonsi" from "tonsillectomy"). */
  stems: string[];
  /** Approach words the operation implies ("paracentesis" → percutaneous), or null. */
  approach: readonly string[] | null;
  /** Title words for each word the term explains in parentheses ("transurethral" → via natural … endoscopic). */
  explained: (readonly string[])[];
}

/** Words of an explanation that say nothing about which code. */
const EXPLANATION_FILLER: ReadonlySet<string> = new Set(['of', 'and', 'or', 'the', 'with', 'to', 'in', 'for', 'by']);

/** What the words of an index term tell beyond the table it leads to. */
export function termHints(term: string): TermHints {
  const stems: string[] = [];
  let approach: readonly string[] | null = null;
  for (const word of wordsOf(term.replace(/\([^)]*\)/g, ' '))) {
    const found = SUFFIXES.find((s) => word.endsWith(s.suffix) && word.length - s.suffix.length >= STEM_LENGTH - 1);
    if (!found) continue;
    const stem = word.slice(0, word.length - found.suffix.length);
    // The stem's last letters bend before the suffix (append-ectomy, tonsill-ectomy): match its start only.
    stems.push(stem.slice(0, Math.max(STEM_LENGTH - 1, Math.min(STEM_LENGTH, stem.length))));
    approach ??= found.approach;
  }
  const explained = [...term.matchAll(/\(([^)]*)\)/g)]
    .flatMap((m) => wordsOf(m[1] ?? ''))
    .filter((w) => !EXPLANATION_FILLER.has(w))
    .map((w) => titleWordsFor(w));
  return { stems, approach, explained };
}
