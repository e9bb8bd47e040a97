/**
 * Finds the resource a FHIR reference points at, in the three ways exports write them:
 * `Type/id` (also an absolute URL ending in Type/id, with or without `_history`), `urn:uuid:…`
 * (the fullUrl of a bundle entry), and conditional `Type?identifier=system|value` (Synthea's
 * bulk export), plus a logical reference `{identifier: {system, value}}`.
 */
import { obj, str, type Json } from './json';

const LITERAL = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** `Type/id` of a literal reference (relative or absolute URL), or null. */
export function literalKey(reference: string): string | null {
  if (reference.includes('?') || reference.startsWith('#') || reference.startsWith('urn:')) return null;
  const match = LITERAL.exec(reference);
  return match ? `${match[1]}/${match[2]}` : null;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The keys a conditional reference `Type?identifier=[system|]value` may be indexed under. */
export function conditionalKey(reference: string): string | null {
  const match = /^(?:.*\/)?([A-Z][A-Za-z]+)\?(.*)$/.exec(reference);
  if (!match) return null;
  const param = match[2]!.split('&').find((p) => p.startsWith('identifier='));
  if (!param) return null;
  return identifierKey(match[1]!, decode(param.slice('identifier='.length)));
}

/** `system|value` or `value` alone, under its resource type. */
function identifierKey(type: string, token: string): string {
  return `${type}?identifier=${token}`;
}

export class ResourceIndex {
  private readonly byKey = new Map<string, Json>();

  /** Indexes a resource under Type/id, its fullUrl and each identifier (first one in wins). */
  add(resource: Json, fullUrl?: string | null): void {
    const type = str(resource.resourceType);
    if (!type) return;
    const keys: string[] = [];
    const id = str(resource.id);
    if (id) keys.push(`${type}/${id}`);
    if (fullUrl) keys.push(fullUrl);
    for (const key of identifierKeys(type, resource)) keys.push(key);
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, resource);
  }

  get(key: string): Json | null {
    return this.byKey.get(key) ?? null;
  }

  /** The resource a Reference (the object) points at, or null when it is not in the export. */
  resolve(reference: unknown): Json | null {
    const ref = obj(reference);
    if (!ref) return null;
    const text = str(ref.reference);
    if (text) {
      const exact = this.byKey.get(text);
      if (exact) return exact;
      const key = literalKey(text) ?? conditionalKey(text);
      return key ? (this.byKey.get(key) ?? null) : null;
    }
    const identifier = obj(ref.identifier);
    const type = str(ref.type);
    const value = str(identifier?.value);
    if (!identifier || !value) return null;
    const system = str(identifier.system);
    const types = type ? [type] : ['Practitioner', 'Organization', 'Location', 'Patient', 'PractitionerRole', 'Encounter'];
    for (const t of types) {
      const found = this.byKey.get(identifierKey(t, system ? `${system}|${value}` : value));
      if (found) return found;
    }
    return null;
  }
}

/** Every key a conditional or logical reference to this resource could use. */
export function identifierKeys(type: string, resource: Json): string[] {
  const identifiers = Array.isArray(resource.identifier) ? resource.identifier : [];
  return identifiers.flatMap((i) => {
    const identifier = obj(i);
    const value = str(identifier?.value);
    if (!value) return [];
    const system = str(identifier?.system);
    return system ? [identifierKey(type, `${system}|${value}`), identifierKey(type, value)] : [identifierKey(type, value)];
  });
}
