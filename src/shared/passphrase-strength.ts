/**
 * Is a new passphrase hard enough to guess? The estimator is zxcvbn-ts (the maintained port of
 * Dropbox's zxcvbn) with its common and English dictionaries. Main refuses what fails here
 * (create, recover, change); the renderer runs the same check as the user types, so both say
 * the same thing. The dictionaries are ~1.6 MB of script, so they load on first use only (a
 * separate chunk in the renderer bundle).
 *
 * Threshold: at least 10^10 estimated guesses (zxcvbn's score 4), not score 3 (10^8). The
 * passphrase wrap can be attacked offline at scrypt's cost: 230-340 ms of CPU per guess per
 * core (N=2^16, r=8; `npm run bench -- unlockCost`), 250,000-375,000 guesses a day. 10^8
 * guesses is then under 400 core-days (a day on a rented few-hundred-core fleet); 10^10 is
 * 70-110 core-years. Score 3 also passes a display name typed twice ("dana coder dana coder").
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSPHRASE_LENGTH = 12;
const MAX_PASSPHRASE_LENGTH = 1024;
export const MIN_GUESSES_LOG10 = 10;

/** Returns the problem with a new passphrase in one sentence, or null when it is good enough. */
export type PassphraseCheck = (passphrase: string, personal: readonly string[]) => string | null;

let loading: Promise<PassphraseCheck> | null = null;

async function build(): Promise<PassphraseCheck> {
  const [{ ZxcvbnFactory: Factory }, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  // Levenshtein matching is left off: it costs ~1 s per check here and adds near-misses only.
  const zxcvbn: ZxcvbnFactory = new Factory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return (passphrase, personal) => {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) return `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`;
    if (passphrase.length > MAX_PASSPHRASE_LENGTH) return `The passphrase must have at most ${MAX_PASSPHRASE_LENGTH} characters.`;
    const result = zxcvbn.check(passphrase, personalWords(personal));
    if (result.guessesLog10 >= MIN_GUESSES_LOG10) return null;
    const hints = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => !!s);
    if (hints.length === 0) hints.push('Add another word or two that do not belong together.');
    return `This passphrase is too easy to guess. ${hints.join(' ')}`;
  };
}

/** The user's own words (their name, the app's name) count as known to an attacker. */
function personalWords(personal: readonly string[]): string[] {
  const words = new Set<string>(['codedesk']);
  for (const text of personal) {
    const lower = text.trim().toLocaleLowerCase();
    if (!lower) continue;
    words.add(lower);
    for (const word of lower.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) words.add(word);
  }
  return [...words];
}

/** The check, loaded once; the first call takes ~0.5 s to unpack the dictionaries. */
export function loadPassphraseCheck(): Promise<PassphraseCheck> {
  loading ??= build().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
