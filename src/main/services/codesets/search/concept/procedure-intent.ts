/**
 * Whether a query asks for a procedure: it starts with an operation ("closed reduction right
 * distal radius fracture", "excisional debridement … left foot ulcer", "left TKA"). Then the
 * diagnosis words in it ("fracture", "ulcer") say why the operation was done, not what it was:
 * ICD-10-PCS titles never hold them, so they count for little against the procedure codes, and a
 * diagnosis code that leaves the operation out comes after the procedure codes.
 *
 * A query whose first concept holds, before its operation, a status ("s/p TKA", "history of
 * appendectomy") or a state ("failed TKA", "infected PICC line") asks for a diagnosis, and is read
 * as typed; one with a dose or route there asks for the drug. "With mesh", "with drug-eluting stent" say which procedure, not a second one, and so
 * does "with BAL" after a scope; a second operation ("colectomy with colostomy") is a second code.
 */
import type { ParsedQuery, ParsedSlot } from './parse-query';
import type { ResolvedSlot } from './resolve-slots';
import { termOf } from './terms';

/**
 * ICD-10-PCS root operations and the other sections' operations (ICD-10-PCS Definitions), as
 * stems, leaving out those that are everyday diagnosis words too ("control", "change",
 * "delivery", "compression", "hypothermia", "treatment").
 */
const OPERATIONS: ReadonlySet<string> = new Set(
  [
    'alteration', 'bypass', 'creation', 'destruction', 'detachment', 'dilation', 'division', 'drainage', 'excision',
    'extirpation', 'extraction', 'fragmentation', 'fusion', 'insertion', 'inspection', 'occlusion', 'reattachment',
    'release', 'removal', 'repair', 'replacement', 'reposition', 'resection', 'restriction', 'revision', 'supplement',
    'transfer', 'transplantation', 'abortion', 'immobilization', 'traction', 'introduction', 'irrigation', 'transfusion',
    'measurement', 'monitoring', 'assistance', 'performance', 'pheresis', 'fluoroscopy', 'radiography', 'tomography',
    'ultrasonography', 'brachytherapy', 'radiosurgery', 'phototherapy', 'perfusion', 'restoration', 'detoxification',
    'manipulation', 'psychotherapy', 'counseling',
  ].map(termOf),
);

/** Whether a slot holds one of `terms`, as typed or through a reading. */
function says(slot: ParsedSlot, terms: ReadonlySet<string>): boolean {
  return slot.typed.some((w) => terms.has(termOf(w))) || slot.readings.some((r) => r.words.some((w) => terms.has(termOf(w))));
}

/** A slot names an operation: as typed, or through a reading ("TKA" → replacement knee joint). */
function namesOperation(slot: ParsedSlot): boolean {
  return !slot.negated && says(slot, OPERATIONS);
}

/** Whether every alternative word of some reading of the slot is known to the version. */
function coverable(slot: ResolvedSlot): boolean {
  return slot.alternatives.some((a) => a.groups.length > 0 && a.groups.every((g) => g.ids.length > 0));
}

/** A state typed as a participle ("infected", "failed", "dislodged" PICC): the thing is a condition, not an operation. */
function namesState(slot: ParsedSlot): boolean {
  return slot.readings.length === 0 && slot.typed.length === 1 && /^[a-z]{3,}ed$/.test(slot.typed[0] as string);
}

/** Words of a status after (or a problem with) an operation: "s/p" (status, presence), "history of", "complication of". */
const STATUS: ReadonlySet<string> = new Set(['status', 'presence', 'history', 'hx', 'complication', 'absence', 'malfunction', 'failure', 'aftercare'].map(termOf));

function namesStatus(slot: ParsedSlot): boolean {
  return says(slot, STATUS);
}

/**
 * True when the query's first concept names an operation, and nothing before it says the query is
 * about a status or state instead. A diagnosis before the operation is its object ("hernia
 * repair", "laceration repair") and keeps the query a procedure.
 */
export function asksForProcedure(parsed: ParsedQuery): boolean {
  for (const slot of parsed.slots) {
    // A dose or route before the operation word ("keytruda 200 mg chemo") is a drug given: the HCPCS drug code.
    if (slot.concept > 0 || namesState(slot) || namesStatus(slot) || slot.dose || slot.route) return false;
    if (namesOperation(slot)) return true;
  }
  return false;
}

/**
 * A word this much rarer among procedure codes than among diagnosis codes (in idf: e^1.5, about
 * 4.5 times) belongs to the diagnosis, even where a procedure title happens to hold it
 * ("ulcer", "fracture", "laceration").
 */
const DIAGNOSIS_MARGIN = 1.5;

/**
 * The slots of a procedure query that say which diagnosis, not which procedure: words the
 * procedure codes cannot hold, or hold far more rarely than diagnosis codes do (`diagnosis`:
 * the same slots resolved against ICD-10-CM; importances as each version weighs them).
 */
export function diagnosisSlots(procedure: readonly ResolvedSlot[], diagnosis: readonly ResolvedSlot[] | undefined, counted: readonly boolean[]): boolean[] {
  return procedure.map((slot, k) => {
    if (counted[k] !== true) return false;
    if (!coverable(slot)) return true;
    const other = diagnosis?.[k];
    return other !== undefined && other.matchable && slot.importance - other.importance >= DIAGNOSIS_MARGIN;
  });
}

const INSPECTION = termOf('inspection');

/**
 * The slot of a procedure query's first concept that reads as an inspection (a scope:
 * "bronchoscopy", "EGD") when another concept follows it ("… with BAL", "… with biopsy"); -1 otherwise.
 */
export function scopeSlot(parsed: ParsedQuery): number {
  if (parsed.concepts < 2) return -1;
  return parsed.slots.findIndex((s) => s.concept === 0 && !s.negated && s.readings.some((r) => r.words.some((w) => termOf(w) === INSPECTION)));
}

/** The same slots read as one concept (one code holds them all). */
export function asOneConcept(parsed: ParsedQuery): ParsedQuery {
  return { slots: parsed.slots.map((s) => ({ ...s, concept: 0 })), concepts: 1 };
}

/** A concept after the first names an operation of its own ("colectomy with colostomy"): two procedures, two codes. */
export function namesSecondOperation(parsed: ParsedQuery): boolean {
  return parsed.slots.some((s) => s.concept > 0 && namesOperation(s));
}

function inspects(words: readonly string[]): boolean {
  return words.some((w) => termOf(w) === INSPECTION);
}

/** Operations other than inspection, as stems. */
const ACTING: ReadonlySet<string> = new Set([...OPERATIONS].filter((t) => t !== INSPECTION));

/**
 * A scope typed with no other operation ("diagnostic cystoscopy", "screening colonoscopy") is the
 * inspection itself: its readings that only say where it went (kept for "EGD with biopsy", where
 * the biopsy is the operation) are dropped.
 */
export function scopeAlone(parsed: ParsedQuery): ParsedQuery {
  const isScope = (s: ParsedSlot) => !s.negated && s.readings.some((r) => inspects(r.words)) && s.readings.some((r) => !inspects(r.words));
  if (!parsed.slots.some(isScope) || parsed.slots.some((s) => !isScope(s) && !s.negated && says(s, ACTING))) return parsed;
  return { ...parsed, slots: parsed.slots.map((s) => (isScope(s) ? { ...s, readings: s.readings.filter((r) => inspects(r.words)) } : s)) };
}

/** Words that only say a device was put in. */
const PLACING: ReadonlySet<string> = new Set(['placement', 'insertion', 'insert', 'inserted', 'placed', 'place'].map(termOf));
const INSERTION = termOf('insertion');
/** Operations other than inspection and insertion. */
const OTHER_THAN_PLACING: ReadonlySet<string> = new Set([...ACTING].filter((t) => t !== INSERTION));

/**
 * Slots that only say a device was placed, where another slot already names the operation that
 * places it ("VP shunt placement" is a Bypass, "nephrostomy tube placement" a Drainage with a
 * drainage device): the placing word is then context, like the diagnosis behind an operation.
 */
export function placingSlots(parsed: ParsedQuery): boolean[] {
  const named = parsed.slots.some((s) => !s.negated && !s.typed.every((w) => PLACING.has(termOf(w))) && says(s, OTHER_THAN_PLACING));
  return parsed.slots.map((s) => named && s.typed.every((w) => PLACING.has(termOf(w))));
}
