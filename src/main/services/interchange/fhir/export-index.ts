/**
 * What the reader holds in memory between its two passes: the small resources (patients,
 * encounters, clinicians, places, coverages) and the hints; never the documents, which are
 * streamed afterwards so a 50,000-note export is not held whole.
 */
import type { IncomingHint } from '../incoming';
import { arr, codings, conceptText, label, obj, str, type Json } from './json';
import { conditionalKey, identifierKeys, literalKey, ResourceIndex } from './references';

/** Where a resource was read: the file, and its 1-based line (NDJSON) or entry (bundle). */
export interface Origin {
  file: string;
  line: number | null;
  /** 'entry 3' in a bundle; '' for an NDJSON line (the line number says it). */
  entry: string;
}

export interface HeldEncounter {
  resource: Json;
  fullUrl: string | null;
  origin: Origin;
}

/** The resource types read in the first pass; documents are read in the second. */
export const INDEXED_TYPES = new Set(['Patient', 'Encounter', 'Organization', 'Practitioner', 'PractitionerRole', 'Location', 'Coverage', 'Binary']);
export const HINT_TYPES = new Set(['Condition', 'Procedure']);
export const DOCUMENT_TYPES = new Set(['DocumentReference', 'DiagnosticReport']);

export class ExportIndex {
  readonly resources = new ResourceIndex();
  readonly encounters: HeldEncounter[] = [];
  private readonly coverages: Json[] = [];
  private readonly hints = new Map<string, IncomingHint[]>();
  private coveragesByPatient: Map<Json, Json[]> | null = null;

  /** Takes one resource of the first pass; returns false when its type is not one the reader uses. */
  hold(resource: Json, fullUrl: string | null, origin: Origin): boolean {
    const type = str(resource.resourceType) ?? '';
    if (HINT_TYPES.has(type)) {
      this.holdHint(resource);
      return true;
    }
    if (!INDEXED_TYPES.has(type)) return false;
    this.resources.add(resource, fullUrl);
    if (type === 'Encounter') this.encounters.push({ resource, fullUrl, origin });
    if (type === 'Coverage') this.coverages.push(resource);
    return true;
  }

  /** A Condition or Procedure becomes a hint under its encounter's reference (resolved when charts are built). */
  private holdHint(resource: Json): void {
    const reference = str(obj(resource.encounter)?.reference);
    if (!reference) return;
    const status = str(obj(resource.verificationStatus) ? codings(resource.verificationStatus)[0]?.code : resource.status);
    if (status === 'entered-in-error') return;
    const coding = codings(resource.code).find((c) => c.code) ?? null;
    if (!coding) return;
    const key = literalKey(reference) ?? conditionalKey(reference) ?? reference;
    const hint: IncomingHint = {
      kind: resource.resourceType === 'Condition' ? 'condition' : 'procedure',
      system: coding.system,
      code: coding.code,
      display: coding.display || (conceptText(resource.code) ?? ''),
    };
    const list = this.hints.get(key);
    if (list) list.push(hint);
    else this.hints.set(key, [hint]);
  }

  /** The Condition and Procedure hints of an encounter, under any key a reference to it may use. */
  hintsFor(encounter: HeldEncounter): IncomingHint[] {
    const keys = new Set([label(encounter.resource), ...(encounter.fullUrl ? [encounter.fullUrl] : []), ...identifierKeys('Encounter', encounter.resource)]);
    return [...keys].flatMap((k) => this.hints.get(k) ?? []);
  }

  /** The patient's Coverage resources (by Coverage.beneficiary). */
  coveragesOf(patient: Json): Json[] {
    if (!this.coveragesByPatient) {
      this.coveragesByPatient = new Map();
      for (const coverage of this.coverages) {
        const beneficiary = this.resources.resolve(coverage.beneficiary);
        if (!beneficiary) continue;
        const list = this.coveragesByPatient.get(beneficiary);
        if (list) list.push(coverage);
        else this.coveragesByPatient.set(beneficiary, [coverage]);
      }
    }
    return this.coveragesByPatient.get(patient) ?? [];
  }
}

/** The encounter a document names, as a chart source key; null when the reference cannot name one. */
export function encounterSourceKey(reference: unknown, index: ResourceIndex): string | null {
  const held = index.resolve(reference);
  if (held && held.resourceType === 'Encounter' && str(held.id)) return `fhir:${label(held)}`;
  const text = str(obj(reference)?.reference);
  const literal = text ? literalKey(text) : null;
  return literal?.startsWith('Encounter/') ? `fhir:${literal}` : null;
}

export const firstReference = (value: unknown): unknown => (Array.isArray(value) ? arr(value)[0] : value);
