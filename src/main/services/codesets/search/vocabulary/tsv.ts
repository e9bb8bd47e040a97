/**
 * The vocabulary files in resources/search/vocabulary: one `typed<TAB>meaning<TAB>source`
 * per line, `#` comments and blank lines skipped. A typed phrase may have several lines (one
 * per meaning). A bad line refuses the whole file, naming the file and the line, so a
 * reviewer's mistake is found when the file is read, never as a silently missing meaning.
 */
import { AppFailure } from '../../../../../shared/result';
import { wordsOf } from '../title-words';

/** One line of a vocabulary file, as words (`wordsOf`: lower case, split on anything but letters and digits). */
export interface VocabularyEntry {
  typed: readonly string[];
  meaning: readonly string[];
  /** How to show the match: "afib: atrial fibrillation" (the file's own spelling). */
  label: string;
  /** The public basis the line cites ("clinical usage (common chart abbreviation)"). */
  source: string;
  line: number;
}

/** Longest typed phrase a line may hold ("open reduction internal fixation" is 4). */
export const MAX_TYPED_WORDS = 5;

/**
 * Each data line of a vocabulary file as trimmed tab-separated fields, checked to have `columns`
 * of them (`names` says which, for the message), with the failure to throw for that line.
 */
export function eachVocabularyLine(
  text: string,
  file: string,
  columns: number,
  names: string,
  visit: (fields: string[], fail: (reason: string) => AppFailure, line: number) => void,
): void {
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const trimmed = raw.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const fail = (reason: string) =>
        new AppFailure('BAD_INPUT', `The vocabulary file ${file} is not valid: line ${line} ${reason}.`, { file, line });
      const fields = raw.split('\t').map((f) => f.trim());
      if (fields.length !== columns) throw fail(`needs exactly ${names}`);
      visit(fields, fail, line);
    });
}

export function parseVocabularyTsv(text: string, file: string): VocabularyEntry[] {
  const entries: VocabularyEntry[] = [];
  const seen = new Set<string>();
  eachVocabularyLine(text, file, 3, 'three tab-separated columns (typed, meaning, source)', (fields, fail, line) => {
    const [typedText, meaningText, source] = fields as [string, string, string];
    const typed = wordsOf(typedText);
    const meaning = wordsOf(meaningText);
    if (typed.length === 0 || meaning.length === 0 || source === '') throw fail('has an empty column');
    if (typed.length > MAX_TYPED_WORDS) throw fail(`has more than ${MAX_TYPED_WORDS} typed words`);
    if (typed.join(' ') === meaning.join(' ')) throw fail('means itself');
    const key = `${typed.join(' ')}\t${meaning.join(' ')}`;
    if (seen.has(key)) throw fail('repeats an earlier entry');
    seen.add(key);
    entries.push({ typed, meaning, label: `${typedText}: ${meaningText}`, source, line });
  });
  return entries;
}
