/** A source whose readings at each length are listed once: the first source to give a meaning keeps it. */
import type { PhraseSource, Reading } from './phrases';

export function withoutRepeatedReadings(source: PhraseSource): PhraseSource {
  return {
    name: source.name,
    phrasesAt(tokens, at) {
      return source.phrasesAt(tokens, at).map((match) => {
        const seen = new Set<string>();
        const readings: Reading[] = [];
        for (const reading of match.readings) {
          const key = reading.words.join(' ');
          if (seen.has(key)) continue;
          seen.add(key);
          readings.push(reading);
        }
        return { length: match.length, readings };
      });
    },
  };
}
