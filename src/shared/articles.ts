/** English indefinite articles by sound, for messages built from words ("an adult", "a newborn"). */

// Letters whose spoken name starts with a vowel sound: "an MCE edit", "an HCPCS code".
const VOWEL_SOUND_LETTERS = 'AEFHILMNORSX';
// Vowel letters read with a consonant sound ("a unit", "a usual", "a one-day stay", "a European").
const CONSONANT_SOUND = /^(uni|use|usu|ure|uro|uter|eu|ew|one\b|once\b)/i;
// Silent h ("an hour", "an honest").
const SILENT_H = /^(hour|honest|honou?r|heir)/i;

/** "a" or "an" for the phrase that follows it. */
export function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = phrase.trim().split(/[\s(]/)[0] ?? '';
  // An acronym or a lone capital is read letter by letter.
  if (/^[A-Z][A-Z0-9-]*$/.test(word)) return VOWEL_SOUND_LETTERS.includes(word.charAt(0)) ? 'an' : 'a';
  // Numbers: "an 8", "an 11", "an 18", "an 80", otherwise "a".
  if (/^\d/.test(word)) return /^(8|11\b|18\b|11$|18$)/.test(word) ? 'an' : 'a';
  if (SILENT_H.test(word)) return 'an';
  if (CONSONANT_SOUND.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The phrase with its article in front: "an adult (age 15 to 124)". */
export const withArticle = (phrase: string): string => `${indefiniteArticle(phrase)} ${phrase}`;
