/**
 * The two hand-written tables of operative wording (resources/search/vocabulary/):
 * procedures.tsv (`typed<TAB>meaning<TAB>source`) and procedure-roots.tsv
 * (`kind<TAB>form<TAB>meaning<TAB>source`, kind "suffix", "form" or "prefix"; a prefix's meaning
 * is "-": it changes no axis). `#` starts a comment line.
 * A bad line is refused with its line number and nothing is loaded: a half-read vocabulary
 * would change search results without anyone noticing.
 */
import { AppFailure } from '../../../../../shared/result';
import { wordsOf } from '../title-words';

/** One line of procedures.tsv: what is typed and one thing it means, in title words. */
export interface PhraseEntry {
  typed: readonly string[];
  meaning: readonly string[];
  /** As written in the file, for labels ("TKA", "replacement knee joint"). */
  typedText: string;
  meaningText: string;
  source: string;
}

/** One line of procedure-roots.tsv: an operation suffix, a body-part combining form or a prefix, and one meaning. */
export interface RootEntry {
  kind: 'suffix' | 'form' | 'prefix';
  /** Lower-case letters only ("ectomy", "cholecyst"). */
  form: string;
  meaning: readonly string[];
  meaningText: string;
  source: string;
}

/** Longest typed phrase: the search reads a few words at a time. */
const MAX_TYPED_WORDS = 4;

/** The fields of each data line, with its line number; a failure names the file and line. */
function dataLines(text: string, file: string, columns: number, names: string): { fields: string[]; line: number }[] {
  const lines: { fields: string[]; line: number }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      if (raw.trim() === '' || raw.trim().startsWith('#')) return;
      const fields = raw.split('\t').map((f) => f.trim());
      if (fields.length !== columns || fields.some((f) => f === '')) {
        throw badLine(file, index + 1, `needs ${columns} non-empty tab-separated columns (${names})`);
      }
      lines.push({ fields, line: index + 1 });
    });
  return lines;
}

function badLine(file: string, line: number, reason: string): AppFailure {
  return new AppFailure('BAD_INPUT', `The procedure vocabulary is not valid: ${file} line ${line} ${reason}.`, { file, line });
}

export function parsePhraseTsv(text: string, file = 'procedures.tsv'): PhraseEntry[] {
  const seen = new Set<string>();
  return dataLines(text, file, 3, 'typed, meaning, source').map(({ fields, line }) => {
    const [typedText, meaningText, source] = fields as [string, string, string];
    const typed = wordsOf(typedText);
    const meaning = wordsOf(meaningText);
    if (typed.length === 0 || meaning.length === 0) throw badLine(file, line, 'has no words in a column');
    if (typed.length > MAX_TYPED_WORDS) throw badLine(file, line, `has more than ${MAX_TYPED_WORDS} typed words`);
    if (typed.join(' ') === meaning.join(' ')) throw badLine(file, line, 'means itself');
    const key = `${typed.join(' ')}\t${meaning.join(' ')}`;
    if (seen.has(key)) throw badLine(file, line, 'repeats an earlier entry');
    seen.add(key);
    return { typed, meaning, typedText, meaningText, source };
  });
}

export function parseRootTsv(text: string, file = 'procedure-roots.tsv'): RootEntry[] {
  const seen = new Set<string>();
  return dataLines(text, file, 4, 'kind, form, meaning, source').map(({ fields, line }) => {
    const [kind, form, meaningText, source] = fields as [string, string, string, string];
    if (kind !== 'suffix' && kind !== 'form' && kind !== 'prefix') {
      throw badLine(file, line, 'has a kind other than "suffix", "form" or "prefix"');
    }
    if (!/^[a-z]+$/.test(form)) throw badLine(file, line, 'has a form that is not lower-case letters');
    const meaning = wordsOf(meaningText);
    if (kind === 'prefix' && meaningText !== '-') throw badLine(file, line, 'gives a prefix a meaning other than "-"');
    if (kind !== 'prefix' && meaning.length === 0) throw badLine(file, line, 'has no meaning words');
    const key = `${kind}\t${form}\t${meaning.join(' ')}`;
    if (seen.has(key)) throw badLine(file, line, 'repeats an earlier entry');
    seen.add(key);
    return { kind, form, meaning, meaningText, source };
  });
}
