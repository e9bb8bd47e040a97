/** Safe reads of untrusted JSON: a resource from a file is whatever the file says, never a typed object. */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The resource's `Type/id`, as refusals and source keys name it. */
export function label(resource: Json): string {
  const type = str(resource.resourceType) ?? 'Resource';
  const id = str(resource.id);
  return id ? `${type}/${id}` : `${type} without id`;
}

/** Codings of a CodeableConcept, each with its system and code (either may be missing). */
export function codings(concept: unknown): { system: string; code: string; display: string }[] {
  return arr(obj(concept)?.coding).flatMap((c) => {
    const coding = obj(c);
    if (!coding) return [];
    return [{ system: str(coding.system) ?? '', code: str(coding.code) ?? '', display: str(coding.display) ?? '' }];
  });
}

/** What a person reads for a CodeableConcept: its text, else its first coding's display. */
export function conceptText(concept: unknown): string | null {
  return str(obj(concept)?.text) ?? codings(concept).find((c) => c.display)?.display ?? null;
}
