import { describe, expect, it } from 'vitest';
import { parseSynonyms } from '../../../../src/main/services/codesets/search/synonyms';
import { wordsOf } from '../../../../src/main/services/codesets/search/title-words';
import { vocabularySource } from '../../../../src/main/services/codesets/search/vocabulary/bundled';
import { withoutRepeatedReadings } from '../../../../src/main/services/codesets/search/vocabulary/distinct';
import { withLiteralPhrases } from '../../../../src/main/services/codesets/search/vocabulary/literal';
import { combinedSource, type PhraseSource } from '../../../../src/main/services/codesets/search/vocabulary/phrases';
import { synonymSource } from '../../../../src/main/services/codesets/search/vocabulary/synonym-source';

/** Each match at position `at` of the typed text as "length:meaning|meaning". */
function at(source: PhraseSource, typed: string, position: number): string[] {
  const tokens = wordsOf(typed);
  return source.phrasesAt(tokens, position).map((m) => `${m.length}:${m.readings.map((r) => r.words.join(' ')).join('|')}`);
}

const shorthand = vocabularySource(
  'shorthand.tsv',
  [
    'n/v\tnausea with vomiting\tclinical usage',
    'n/v/d\tnausea with vomiting\tclinical usage',
    'n/v/d\tdiarrhea\tclinical usage',
    's/p\tstatus\tguidelines',
    's/p\tpresence\tguidelines',
    'open reduction internal fixation left\treposition left internal fixation device open\tPCS',
    'open reduction\treposition open\tPCS',
    'l\tleft\tclinical usage',
    'r\tright\tclinical usage',
    'w/\twith\tclinical usage',
  ].join('\n'),
);

describe('a vocabulary file as a phrase source', () => {
  it('reads slash shorthand as the words wordsOf splits it into, longest phrase first', () => {
    expect(at(shorthand, 'N/V/D x3 days', 0)).toEqual(['3:nausea with vomiting|diarrhea', '2:nausea with vomiting']);
    expect(at(shorthand, 'pt s/p L TKA', 1)).toEqual(['2:status|presence']);
    expect(at(shorthand, 'pt s/p L TKA', 3)).toEqual(['1:left']);
    expect(at(shorthand, 'CHF w/ HTN', 1)).toEqual(['1:with']);
  });

  it('matches a multi-word typed phrase of up to five words, and only whole', () => {
    expect(at(shorthand, 'open reduction internal fixation left radius', 0)).toEqual([
      '5:reposition left internal fixation device open',
      '2:reposition open',
    ]);
    expect(at(shorthand, 'open reduction internal radius', 0)).toEqual(['2:reposition open']);
    expect(at(shorthand, 'open', 0)).toEqual([]);
    expect(at(shorthand, 'n/v', 1)).toEqual([]);
    expect(at(shorthand, 'n/v', 5)).toEqual([]);
  });

  it('names the file and its cited source in every reading, with the line as written', () => {
    const [match] = shorthand.phrasesAt(['s', 'p'], 0);
    expect(match?.readings[0]).toEqual({ words: ['status'], label: 's/p: status', source: 'shorthand.tsv: guidelines' });
  });
});

describe('the synonym list as a phrase source', () => {
  it('gives its meanings unchanged, longest first, named as the CodeDesk list', () => {
    const source = synonymSource(parseSynonyms('broken\tfracture\nbroken hip\tfracture neck femur\n'));
    expect(at(source, 'broken hip left', 0)).toEqual(['2:fracture neck femur', '1:fracture']);
    expect(source.phrasesAt(['broken'], 0)[0]?.readings[0]).toEqual({
      words: ['fracture'],
      label: 'broken: fracture',
      source: 'synonyms.tsv (CodeDesk list)',
    });
  });
});

describe('combining sources', () => {
  const lay = vocabularySource('lay.tsv', 'broken\tfracture\tlay usage\n');
  const synonyms = synonymSource(parseSynonyms('broken\tfracture\nbroken\tbreak\n'));

  it('lists a meaning given by two sources once, keeping the first source', () => {
    const combined = withoutRepeatedReadings(combinedSource('all', [lay, synonyms]));
    const [match] = combined.phrasesAt(['broken'], 0);
    expect(match?.readings.map((r) => `${r.words.join(' ')} (${r.source})`)).toEqual([
      'fracture (lay.tsv: lay usage)',
      'break (synonyms.tsv (CodeDesk list))',
    ]);
  });

  it('reads a literal phrase as typed: nothing inside it, nothing shorter at its start', () => {
    const guarded = withLiteralPhrases(shorthand, [['r', 'o'], ['w', 'u']]);
    expect(at(guarded, 'R/O pneumonia', 0)).toEqual([]);
    expect(at(guarded, 'W/U for MI', 0)).toEqual([]);
    expect(at(guarded, 'R knee', 0)).toEqual(['1:right']);
    expect(at(guarded, 'knee r', 1)).toEqual(['1:right']);
    const inside = withLiteralPhrases(shorthand, [['x', 'n', 'v']]);
    expect(at(inside, 'x n/v', 1)).toEqual([]);
  });
});
