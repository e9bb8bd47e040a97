/**
 * Vertebral levels as charts write them ("L1", "C5-C6", "T12"), read in the words titles use:
 * ICD-10-CM names a single vertebra by ordinal ("first lumbar vertebra", "fifth cervical
 * vertebra") and ICD-10-PCS by region ("Lumbar Vertebral Joint"). Pairs such as "L4/L5" are
 * already title words, so the level as typed stays a reading too. A pair across two regions
 * ("L5-S1") is the junction titles name ("Lumbosacral Disc").
 */
import type { PhraseMatch, PhraseSource } from './phrases';

const REGIONS: Record<string, { name: string; levels: number }> = {
  c: { name: 'cervical', levels: 7 },
  t: { name: 'thoracic', levels: 12 },
  l: { name: 'lumbar', levels: 5 },
  s: { name: 'sacral', levels: 5 },
};
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const LEVEL = /^([ctls])(\d{1,2})$/;
const SOURCE = 'spine-levels.ts: ICD-10-CM and ICD-10-PCS title wording for vertebral levels';
/** The level pairs that span two regions, and the word titles use for the junction ("Lumbosacral Disc"). */
const JUNCTIONS: Record<string, string> = { 'c7 t1': 'cervicothoracic', 't12 l1': 'thoracolumbar', 'l5 s1': 'lumbosacral' };

export const spineLevels: PhraseSource = {
  name: 'spine levels',
  phrasesAt(tokens, at): PhraseMatch[] {
    const m = LEVEL.exec(tokens[at] ?? '');
    if (!m) return [];
    const pair = `${tokens[at]} ${tokens[at + 1] ?? ''}`;
    const junction = JUNCTIONS[pair];
    const across: PhraseMatch[] = junction ? [{ length: 2, readings: [{ words: [junction], label: `${pair}: ${junction}`, source: SOURCE }] }] : [];
    const region = REGIONS[m[1] as string];
    const level = Number(m[2]);
    if (!region || level < 1 || level > region.levels) return across;
    const typed = tokens[at] as string;
    const readings = [
      { words: [ORDINALS[level - 1] as string, region.name, 'vertebra'], label: `${typed}: ${ORDINALS[level - 1]} ${region.name} vertebra`, source: SOURCE },
      { words: [region.name, 'vertebral'], label: `${typed}: ${region.name} vertebral`, source: SOURCE },
    ];
    return [...across, { length: 1, readings }];
  },
};
