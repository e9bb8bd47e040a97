/** The payer of an encounter: the patient's Coverage in force on the encounter date. */
import { arr, obj, str, type Json } from './json';
import { localDate } from './dates';
import type { ResourceIndex } from './references';
import { referenceName } from './names';

/**
 * When no Coverage of the patient is in force on that day (Synthea's bulk export has none),
 * the chart says 'Not given' rather than guess: a coder then sees the payer is unknown.
 */
export const PAYER_NOT_GIVEN = 'Not given';

const SELF = /^(?:.*\/)?(?:Patient|RelatedPerson)[/?]/;

function inForce(coverage: Json, date: string): boolean {
  const status = str(coverage.status);
  if (status === 'cancelled' || status === 'entered-in-error') return false;
  const period = obj(coverage.period);
  const start = localDate(period?.start);
  const end = localDate(period?.end);
  return (!start || start <= date) && (!end || date <= end);
}

/** The name of the first in-force coverage's payor (by Coverage.order), never a person's name. */
export function payerOn(coverages: Json[], date: string, index: ResourceIndex): string {
  const order = (c: Json) => (typeof c.order === 'number' ? c.order : Number.MAX_SAFE_INTEGER);
  const current = coverages.filter((c) => inForce(c, date)).sort((a, b) => order(a) - order(b));
  for (const coverage of current) {
    const payor = arr(coverage.payor)[0];
    if (!payor) continue;
    const target = index.resolve(payor);
    const reference = str(obj(payor)?.reference) ?? '';
    // A patient or relative paying: their name is PHI and no payer name.
    if (target?.resourceType === 'Patient' || target?.resourceType === 'RelatedPerson' || SELF.test(reference)) return 'Self-pay';
    const name = referenceName(payor, index);
    if (name) return name;
  }
  return PAYER_NOT_GIVEN;
}
