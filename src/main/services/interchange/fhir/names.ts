/** Names as a coder reads them: the patient 'Family, Given'; clinicians and places as written. */
import { arr, obj, str, type Json } from './json';
import type { ResourceIndex } from './references';

const NAME_USE_ORDER = ['official', 'usual'];

function preferredName(names: unknown): Json | null {
  const list = arr(names).map(obj).filter((n): n is Json => n !== null && str(n.use) !== 'old');
  for (const use of NAME_USE_ORDER) {
    const found = list.find((n) => str(n.use) === use);
    if (found) return found;
  }
  return list[0] ?? null;
}

const given = (name: Json): string =>
  arr(name.given)
    .map(str)
    .filter((g): g is string => g !== null)
    .join(' ');

/** 'Family, Given' (or the name's text when it has no parts). */
export function patientName(patient: Json): string {
  const name = preferredName(patient.name);
  if (!name) return 'Name not given';
  const family = str(name.family);
  const first = given(name);
  if (family && first) return `${family}, ${first}`;
  return family ?? (first || str(name.text) || 'Name not given');
}

/** 'Dr. Given Family, MD' as the source spells it, or the name's text. */
export function personName(person: Json): string | null {
  const name = preferredName(person.name);
  if (!name) return null;
  const text = str(name.text);
  if (text) return text;
  const parts = [
    ...arr(name.prefix).map(str),
    given(name) || null,
    str(name.family),
  ].filter((p): p is string => p !== null && p.length > 0);
  if (parts.length === 0) return null;
  const suffix = arr(name.suffix).map(str).filter((s): s is string => s !== null);
  return suffix.length > 0 ? `${parts.join(' ')}, ${suffix.join(' ')}` : parts.join(' ');
}

/**
 * The name shown for a referenced Practitioner, PractitionerRole (its practitioner), Organization
 * or Location: the resource's own name when it is in the export, else the reference's display.
 */
export function referenceName(reference: unknown, index: ResourceIndex): string | null {
  const target = index.resolve(reference);
  const display = str(obj(reference)?.display);
  if (!target) return display;
  switch (target.resourceType) {
    case 'Practitioner':
    case 'Patient':
    case 'RelatedPerson':
      return personName(target) ?? display;
    case 'PractitionerRole':
      return referenceName(target.practitioner, index) ?? display ?? referenceName(target.organization, index);
    default:
      return str(target.name) ?? display;
  }
}
