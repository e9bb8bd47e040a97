/** A PhraseSource over a list of typed phrases and their meanings, looked up by first word. */
import type { PhraseSource, Reading } from './phrases';

export interface PhraseEntry {
  typed: readonly string[];
  reading: Reading;
}

export function phraseTable(name: string, entries: readonly PhraseEntry[]): PhraseSource {
  const byFirstWord = new Map<string, PhraseEntry[]>();
  for (const entry of entries) {
    const first = entry.typed[0];
    if (first === undefined) continue;
    const list = byFirstWord.get(first) ?? [];
    list.push(entry);
    byFirstWord.set(first, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.typed.length - a.typed.length);

  return {
    name,
    phrasesAt(tokens, at) {
      const candidates = byFirstWord.get(tokens[at] ?? '');
      if (!candidates) return [];
      const matches: { length: number; readings: Reading[] }[] = [];
      for (const entry of candidates) {
        const length = entry.typed.length;
        if (!entry.typed.every((word, k) => tokens[at + k] === word)) continue;
        // Candidates are sorted longest first, so equal lengths are adjacent.
        const last = matches[matches.length - 1];
        if (last?.length === length) last.readings.push(entry.reading);
        else matches.push({ length, readings: [entry.reading] });
      }
      return matches;
    },
  };
}
