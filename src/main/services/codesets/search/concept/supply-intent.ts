/**
 * Whether a query asks for a supply or piece of equipment: it names one as such ("CPAP machine",
 * "Foley catheter supply", "hospital bed rental"). HCPCS Level II codes the item; the PCS code for
 * what the item does (Assistance with Respiratory Ventilation, Drainage of Bladder) and any
 * diagnosis come after it. The word itself then counts for little: most item titles never say
 * "machine" or "supply".
 */
import type { ParsedQuery, ParsedSlot } from './parse-query';
import { termOf } from './terms';

const SUPPLY_WORDS: ReadonlySet<string> = new Set(['machine', 'machines', 'supply', 'supplies', 'equipment', 'dme', 'rental', 'purchase'].map(termOf));

/** Whether the slot only says that what it follows is a supply ("machine", "supply"). */
export function namesSupply(slot: ParsedSlot): boolean {
  return !slot.negated && slot.typed.every((w) => SUPPLY_WORDS.has(termOf(w)));
}

export function asksForSupply(parsed: ParsedQuery): boolean {
  return parsed.slots.some(namesSupply);
}
