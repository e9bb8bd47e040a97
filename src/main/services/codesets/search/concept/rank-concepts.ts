/**
 * Word search by concepts: every code any typed word (or its meaning) names is scored by how much
 * of the query it covers — rare words count more, a word matched through an inclusion term or a
 * header counts nearly as much as one in the title — and then by how little of its title is left
 * unexplained. A code that covers every concept (a combination code) therefore comes first; when
 * none does, the best code for a concept the first one leaves out comes second (the pair the
 * classification needs). Words no code knows are ignored, and each hit says which.
 */
import type { CodeHit, CodeSystem } from '../../../../../shared/domain';
import type { ContentDb } from '../../content-db';
import type { CodeRowDb } from '../../statements';
import { codesInRef, notesForCodes } from '../../tabular/notes';
import { entryIndexOf } from '../entry-index-cache';
import { searchPcsPaths, type PcsPathHit } from '../pcs-paths';
import { queryWords } from '../title-words';
import type { SearchScope } from '../search-scope';
import { combinedSource, type PhraseSource } from '../vocabulary/phrases';
import { pcsKeySource } from '../vocabulary/pcs-key';
import type { WordIndex } from '../word-index';
import { wordIndexOf } from '../word-index-cache';
import { HEADER_PENALTY, type ConceptIndex } from './concept-index';
import { conceptIndexOf } from './concept-index-cache';
import { entryThatNamed, slotMatch } from './explain-match';
import { parseQuery, type ParsedQuery, type ParsedSlot } from './parse-query';
import { resolveSlot, type Alternative, type ResolvedSlot } from './resolve-slots';
import { correctWord, vocabularyOf } from '../typos';
import { scoreVersion, topCandidates, type VersionScores } from './score-version';
import { splitEncounter } from './terms';
import { creditNumbersInRange, rangeHolds } from './number-ranges';
import { creditNoApproach } from './pcs-approach';
import { asksForSupply, namesSupply } from './supply-intent';
import { asksForProcedure, asOneConcept, diagnosisSlots, namesSecondOperation, placingSlots, scopeAlone, scopeSlot } from './procedure-intent';

export interface ConceptHit {
  system: CodeSystem;
  row: CodeRowDb;
  score: number;
  matchedBy?: NonNullable<CodeHit['matchedBy']>;
}

/** What a diagnosis word counts for against procedure codes, in a query that asks for a procedure. */
const DIAGNOSIS_CONTEXT = 0.3;
/** A diagnosis code offered for a query that asks for a procedure comes after the procedure codes. */
const NOT_THE_PROCEDURE = 0.3;
/**
 * HCPCS Level II codes for a query that asks for a procedure come after the ICD-10-PCS codes too,
 * by less: some are outpatient procedure codes ("C7517"), but operative wording is PCS's.
 */
const HCPCS_NOT_THE_PROCEDURE = 0.15;

/**
 * HCPCS quality-data codes (G8000-G9999 and the MIPS M1000 series: "Documentation of …", "BMI not
 * documented …") report a measure; a coder reaches for them deliberately, so among codes that fit
 * a query about as well they come after the clinical codes.
 */
const REPORTING = 0.1;
const REPORTING_CODE = /^(G[89]\d{3}|M1\d{3})$/;

function reportingOffset(v: Versioned, ordinal: number): number {
  return v.system === 'hcpcs' && REPORTING_CODE.test(v.codes.codeAt(ordinal)) ? REPORTING : 0;
}

function offsetFor(system: CodeSystem): number {
  if (system === 'icd10cm') return -NOT_THE_PROCEDURE;
  if (system === 'hcpcs') return -HCPCS_NOT_THE_PROCEDURE;
  return 0;
}

/** What "machine" or "supply" counts for against an item's title words. */
const SUPPLY_WORD = 0.3;

/** A query that names a supply as such: ICD-10 codes come after the HCPCS item, by as much as a diagnosis after a procedure. */
function supplyOffsetFor(system: CodeSystem): number {
  return system === 'hcpcs' ? 0 : -NOT_THE_PROCEDURE;
}

/** What an approach word counts for against a PCS code whose operation has no approach (pcs-approach.ts). */
const NO_APPROACH = 0.8;

/** How much title fit adds to query cover. */
const TITLE_FIT = 0.35;
const UNSPECIFIED_BONUS = 0.04;
/** A second code where the first code's Tabular notes send the coder (use additional code, code also, code first). */
const NOTED_BONUS = 0.15;
const PARTNER_NOTES: ReadonlySet<string> = new Set(['useAdditionalCode', 'codeAlso', 'codeFirst']);

/** Whether a code lies where `code`'s Tabular notes (its own and inherited) send the coder for another code; null without notes. */
function notedWith(db: ContentDb, code: string, date: string): ((code: string) => boolean) | null {
  const notes = notesForCodes(db, [code], date).get(code)?.notes ?? [];
  const refs = notes.filter((n) => PARTNER_NOTES.has(n.kind)).flatMap((n) => n.refs);
  if (refs.length === 0) return null;
  const tests = refs.map(codesInRef);
  return (other) => tests.some((t) => t(other));
}
/** An index path that leaves typed words unaccounted for counts for this share of what it covers. */
const PARTIAL_PATH = 0.8;
const PATH_BONUS = 0.1;
/** What the words' own cover of a code adds to its index-path score. */
const PATH_AGREEMENT = 0.05;
/** Codes per version ranked in full (title fit read) after the cover pass. */
const CANDIDATES = 80;
const COMPLEMENT_CANDIDATES = 60;
/** A concept is covered by a code matching this share of it. */
const COVERED = 0.75;
/** A slot matched below this share counts as not matched by that code (it is listed as ignored). */
const MATCHED = 0.5;

interface Versioned {
  system: CodeSystem;
  codes: WordIndex;
  index: ConceptIndex;
  paths: PcsPathHit[];
  slots: ResolvedSlot[];
  scores: VersionScores;
  /** Added to every score of the version (a diagnosis code for a procedure query ranks lower). */
  offset: number;
}

interface Ranked {
  v: Versioned;
  ordinal: number;
  cover: number;
  score: number;
  /** Set when the code was reached through a PCS index path (its path is shown). */
  path?: string;
  /** The codes this one goes with, when no code covers every concept typed (a pair). */
  pairedWith?: string[];
}

export function rankConcepts(
  db: ContentDb,
  scope: SearchScope,
  query: string,
  vocabulary: PhraseSource,
  limit: number,
  date: string,
): ConceptHit[] {
  // The PCS Index's body part, device and substance keys read anatomical and brand names as PCS values.
  const withKey = scope.versions.some((v) => v.system === 'icd10pcs') ? combinedSource('coder+pcs-key', [vocabulary, pcsKeySource(db, scope.changes)]) : vocabulary;
  let parsed = parseQuery(query, withKey);
  if (parsed.slots.length === 0) return [];
  // A supply named as such ("CPAP machine") is the HCPCS item, whatever operation its name reads as.
  const supply = asksForSupply(parsed);
  const operationFirst = asksForProcedure(parsed);
  if (operationFirst) parsed = scopeAlone(parsed);
  const typedWords = queryWords(query);
  const resolved = scope.versions.map((version) => {
    const codes = wordIndexOf(db, version);
    const entries = entryIndexOf(db, version, scope.sources.get(version.id) ?? [], scope.changes);
    const index = conceptIndexOf(db, version, codes, entries);
    // PCS index paths ("Cholecystectomy > see Resection, Gallbladder" narrowed by "laparoscopic") reach codes the words alone do not.
    const paths = searchPcsPaths(db, version, typedWords, scope.sources.get(version.id) ?? []);
    return { system: version.system, version, codes, index, paths, slots: parsed.slots.map((s) => resolveSlot(s, index)) };
  });
  // A word no version knows may be misspelt: only then is it corrected, against each version's words.
  parsed.slots.forEach((slot, k) => {
    if (resolved.some((r) => r.slots[k]?.matchable === true)) return;
    for (const r of resolved) r.slots[k] = resolveSlot(slot, r.index, (word) => correctWord(vocabularyOf(db, r.version), word));
  });
  // A slot no version can match is ignored everywhere (and said so); the rest count in every version.
  const counted = parsed.slots.map((_, k) => resolved.some((r) => r.slots[k]?.matchable === true));
  // A query that starts with an operation: the diagnosis behind it ("fracture", "ulcer") is context
  // for the procedure codes. Read from each version's own word weights, before they are pooled.
  const pcs = resolved.find((r) => r.system === 'icd10pcs');
  const cm = resolved.find((r) => r.system === 'icd10cm');
  const procedure = pcs !== undefined && !supply && operationFirst;
  const context = procedure && pcs ? diagnosisSlots(pcs.slots, cm?.slots, counted) : [];
  if (procedure) {
    // "Bronchoscopy with BAL": the scope leads to the operation, which is what PCS codes (guideline
    // B3.11a); the scope's inspection only says how it was reached.
    const scoped = scopeSlot(parsed);
    if (scoped >= 0) context[scoped] = true;
    placingSlots(parsed).forEach((placing, k) => {
      if (placing) context[k] = true;
    });
    // One procedure: "with mesh", "with stent" name its device; a second operation is a second code.
    if (scoped >= 0 || !namesSecondOperation(parsed)) parsed = asOneConcept(parsed);
  }
  const conceptOf = parsed.slots.map((s) => s.concept);
  // How much a slot matters is one figure for every version: a word one code set lacks must not
  // make the other words of the query count for everything there.
  parsed.slots.forEach((_, k) => {
    const importance = Math.max(0, ...resolved.map((r) => r.slots[k]?.importance ?? 0)) * (namesSupply(parsed.slots[k] as ParsedSlot) ? SUPPLY_WORD : 1);
    for (const r of resolved) (r.slots[k] as ResolvedSlot).importance = importance * (r === pcs && context[k] === true ? DIAGNOSIS_CONTEXT : 1);
    // PCS titles never say "without": a negated word ("without mesh") would only credit the codes
    // that have what was ruled out. It still counts in the total, so no PCS code gains by it.
    if (pcs && parsed.slots[k]?.negated === true) pcs.slots[k] = { ...(pcs.slots[k] as ResolvedSlot), alternatives: [] };
  });
  const versions: Versioned[] = resolved.map((r) => {
    const scores = scoreVersion(r.index, r.slots, conceptOf, counted);
    if (r === pcs) creditNoApproach(scores, r.codes, parsed.slots, r.slots, counted, NO_APPROACH);
    creditNumbersInRange(scores, r.codes, parsed.slots, r.slots, counted);
    return { ...r, offset: procedure ? offsetFor(r.system) : supply ? supplyOffsetFor(r.system) : 0, scores };
  });
  try {
    const ranked = dedupe(versions.flatMap((v) => [...rankVersion(v, parsed, counted), ...pathsOf(v, counted)]));
    // Ties in Tabular order: 7th-character siblings put the initial encounter first.
    ranked.sort((a, b) => b.score - a.score || compareCodes(a, b));
    const ordered = withComplements(ranked, parsed, counted, (code) => notedWith(db, code, date));
    return ordered.slice(0, limit).map((r) => hitOf(r, parsed, counted));
  } finally {
    for (const v of versions) v.scores.release();
  }
}

function rankVersion(v: Versioned, parsed: ParsedQuery, counted: readonly boolean[]): Ranked[] {
  const { scores, index, codes } = v;
  if (scores.total === 0 || scores.touchedCount === 0) return [];
  const total = scores.total;
  const picked = topCandidates(scores.touched, scores.touchedCount, CANDIDATES, scores.cover, 1 / total, index.prior);
  return withMarks(index, slotTermIds(v.slots, counted, () => true), () =>
    picked.map((ordinal) => {
      const cover = (scores.cover[ordinal] as number) / total;
      const score = cover + TITLE_FIT * index.titleFit(ordinal) + defaultBonus(codes.longTitleAt(ordinal)) - (codes.isBillable(ordinal) ? 0 : HEADER_PENALTY) + v.offset - reportingOffset(v, ordinal);
      return { v, ordinal, cover, score };
    }),
  );
}

function compareCodes(a: Ranked, b: Ranked): number {
  const x = a.v.codes.codeAt(a.ordinal);
  const y = b.v.codes.codeAt(b.ordinal);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Coding convention: what the record does not specify is coded to the unspecified code, so among
 * codes that fit the words equally, the one whose title says "unspecified" comes first.
 */
function defaultBonus(title: string): number {
  return /\bunspecified\b/i.test(splitEncounter(title)[0]) ? UNSPECIFIED_BONUS : 0;
}

/** PCS index-path hits as ranked codes: a complete path covers the query as typed. */
function pathsOf(v: Versioned, counted: readonly boolean[]): Ranked[] {
  if (v.paths.length === 0) return [];
  return withMarks(v.index, slotTermIds(v.slots, counted, () => true), () =>
    v.paths.flatMap((hit, order) => {
      const ordinal = v.codes.codesBetween(hit.code, `${hit.code}\u0000`, 1)[0];
      if (ordinal === undefined) return [];
      const cover = hit.complete ? 1 : hit.coverage * PARTIAL_PATH;
      // The Index's own narrowing (body part from the operation name, implied approach) beats a bare word match; its order breaks ties.
      // How well the typed words' own reading fits breaks ties between the targets of one term
      // ("Cholecystectomy: see Excision …; see Resection …"), before the Index's order does.
      const agreement = v.scores.total > 0 ? PATH_AGREEMENT * ((v.scores.cover[ordinal] as number) / v.scores.total) : 0;
      const score = cover + PATH_BONUS + agreement + TITLE_FIT * v.index.titleFit(ordinal) - order * 1e-4;
      return [{ v, ordinal, cover, score, path: hit.path }];
    }),
  );
}

/** One entry per code: the better of its word score and its index-path score. */
function dedupe(ranked: Ranked[]): Ranked[] {
  const best = new Map<string, Ranked>();
  for (const r of ranked) {
    const key = `${r.v.system}|${r.ordinal}`;
    const current = best.get(key);
    if (!current || r.score > current.score) best.set(key, r);
  }
  return [...best.values()];
}

/**
 * When the first code leaves a concept uncovered ("AKI on CKD stage 3b" → N18.32 leaves AKI), the
 * best code for that concept follows it: ICD-10-CM then needs both.
 */
function withComplements(
  ranked: Ranked[],
  parsed: ParsedQuery,
  counted: readonly boolean[],
  notesOf: (code: string) => ((code: string) => boolean) | null,
): Ranked[] {
  const first = ranked[0];
  // Two codes for one statement is an ICD-10 convention (code also, use additional code; a second
  // procedure); HCPCS Level II codes a supply or a service each on its own.
  if (!first || parsed.concepts < 2 || first.v.system === 'hcpcs') return ranked;
  // "X due to Y", "X with Y": when no code covers both, the condition typed first leads and its
  // partner follows (the organism after the infection, the stage after the disease).
  const lead = coverOf(first, 0) >= COVERED ? first : (bestFor(first, 0, parsed, counted, null, coverOf(first, 0)) ?? first);
  const named = lead.v.system === 'icd10cm' ? notesOf(lead.v.codes.codeAt(lead.ordinal)) : null;
  const extra: Ranked[] = [];
  for (let c = 0; c < Math.min(parsed.concepts, lead.v.scores.concept.length); c++) {
    const leadCover = coverOf(lead, c);
    if (leadCover >= COVERED) continue;
    const best = bestFor(lead, c, parsed, counted, named, leadCover);
    if (best && best.ordinal !== lead.ordinal && !extra.some((e) => e.ordinal === best.ordinal)) extra.push(best);
  }
  const display = (r: Ranked) => r.v.codes.row(r.ordinal).display_code;
  const placed =
    extra.length === 0
      ? [lead]
      : [{ ...lead, pairedWith: extra.map(display) }, ...extra.map((e) => ({ ...e, pairedWith: [display(lead)] }))];
  const rest = ranked.filter((r) => !placed.some((e) => e.v === r.v && e.ordinal === r.ordinal));
  return [...placed, ...rest];
}

/** The share of concept `c` a ranked code covers (0 when the concept has no counted slot). */
function coverOf(r: Ranked, c: number): number {
  const total = r.v.scores.conceptTotals[c] ?? 0;
  return total === 0 ? 1 : ((r.v.scores.concept[c] as Float32Array)[r.ordinal] as number) / total;
}

/**
 * The best code of `like`'s version for concept `c` alone, covering it clearly better than
 * `than`; codes where `named` (the lead code's Tabular notes) points come first among equals.
 */
function bestFor(
  like: Ranked,
  c: number,
  parsed: ParsedQuery,
  counted: readonly boolean[],
  named: ((code: string) => boolean) | null,
  than: number,
): Ranked | null {
  const { scores, index, codes } = like.v;
  const total = scores.conceptTotals[c] as number;
  if (!total) return null;
  const of = scores.concept[c] as Float32Array;
  const picked = topCandidates(scores.touched, scores.touchedCount, COMPLEMENT_CANDIDATES, of, 1 / total, index.prior);
  const ids = slotTermIds(like.v.slots, counted, (k) => parsed.slots[k]?.concept === c);
  // "Fell from ladder, initial": the encounter word, typed once, is every concept's 7th character.
  const encounter = parsed.slots.flatMap((s, k) => (counted[k] && s.concept !== c && isEncounter(s) ? [k] : []));
  return withMarks(index, ids, () => {
    let found: Ranked | null = null;
    for (const ordinal of picked) {
      const cover = (of[ordinal] as number) / total;
      if (cover < than + 0.25) continue;
      const noted = named?.(codes.codeAt(ordinal)) === true ? NOTED_BONUS : 0;
      const fit = TITLE_FIT * index.titleFit(ordinal) + defaultBonus(codes.longTitleAt(ordinal)) + noted + encounterFit(like.v, encounter, ordinal);
      const score = cover + fit - (codes.isBillable(ordinal) ? 0 : HEADER_PENALTY);
      if (!found || score > found.score) found = { v: like.v, ordinal, cover, score };
    }
    return found;
  });
}

/** How much a code's match of the query's encounter words adds when it is chosen for another concept. */
const ENCOUNTER_FIT = 0.1;

function isEncounter(slot: ParsedSlot): boolean {
  return slot.readings.some((r) => r.words.includes('encounter') || r.words.includes('sequela')) || slot.typed.includes('sequela');
}

function encounterFit(v: Versioned, encounter: readonly number[], ordinal: number): number {
  let fit = 0;
  for (const k of encounter) fit += ENCOUNTER_FIT * slotMatch(v.index, v.slots[k] as ResolvedSlot, ordinal).value;
  return fit;
}

/** The term ids of the counted slots `include` keeps (every alternative, prefixes of a word being typed too). */
function slotTermIds(slots: readonly ResolvedSlot[], counted: readonly boolean[], include: (k: number) => boolean): number[] {
  const ids = new Set<number>();
  slots.forEach((slot, k) => {
    if (!counted[k] || !include(k)) return;
    for (const alt of slot.alternatives) for (const g of alt.groups) for (const id of g.ids) ids.add(id);
  });
  return [...ids];
}

/** Runs `body` with the terms marked for ConceptIndex.titleFit, then clears them. */
function withMarks<T>(index: ConceptIndex, ids: readonly number[], body: () => T): T {
  index.markTerms(ids);
  try {
    return body();
  } finally {
    index.clearMarks(ids);
  }
}

function hitOf(r: Ranked, parsed: ParsedQuery, counted: readonly boolean[]): ConceptHit {
  const { v, ordinal } = r;
  const row = v.codes.row(ordinal);
  const hit: ConceptHit = { system: v.system, row, score: r.score };
  const ignored: string[] = [];
  const via: { alt: Alternative | null } = { alt: null };
  const matchedTerms: string[] = [];
  const matchedPrefixes: string[] = [];
  parsed.slots.forEach((slot, k) => {
    const resolvedSlot = v.slots[k] as ResolvedSlot;
    if (!counted[k]) {
      ignored.push(slot.typed.join(' '));
      return;
    }
    const m = slotMatch(v.index, resolvedSlot, ordinal);
    if (m.value < MATCHED && !rangeHolds(v.codes, ordinal, slot.typed.join(' '))) ignored.push(slot.typed.join(' '));
    else {
      via.alt ??= m.label;
      for (const alt of resolvedSlot.alternatives) {
        matchedTerms.push(...alt.terms);
        if (alt.openPrefix !== null) matchedPrefixes.push(alt.openPrefix);
      }
    }
  });
  if (r.pairedWith) hit.matchedBy = { kind: 'pair', text: `with ${r.pairedWith.join(', ')}` };
  else if (r.path !== undefined && (ignored.length === 0 || r.cover >= 1)) hit.matchedBy = { kind: 'index', text: r.path };
  else if (ignored.length > 0) hit.matchedBy = { kind: 'partial', text: ignored.join(', ') };
  else {
    const entry = entryThatNamed(v.index, ordinal, row.code, row.long_title, matchedTerms, matchedPrefixes);
    if (via.alt !== null) hit.matchedBy = { kind: via.alt.labelKind, text: via.alt.label ?? '' };
    else if (entry) hit.matchedBy = entry;
  }
  return hit;
}
