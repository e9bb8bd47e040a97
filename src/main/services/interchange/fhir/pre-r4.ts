/**
 * Shapes that only a pre-R4 server writes. Reading them as R4 would silently lose the encounter
 * link or the class, so such a resource is refused, not guessed at.
 */
import { arr, obj, type Json } from './json';

export const PRE_R4_REASON = 'looks like FHIR STU3/DSTU2; CodeDesk reads R4';

/** Which pre-R4 field gave it away, or null for a resource that may be R4. */
export function preR4Sign(resource: Json): string | null {
  switch (resource.resourceType) {
    case 'Encounter':
      if (typeof resource.class === 'string') return 'class is a plain code (DSTU2)';
      if ('patient' in resource) return 'it has Encounter.patient (DSTU2)';
      if (arr(resource.reason).length > 0) return 'it has Encounter.reason (STU3)';
      return null;
    case 'DocumentReference': {
      const context = obj(resource.context);
      if (context && obj(context.encounter)) return 'context.encounter is a single reference (STU3)';
      if ('indexed' in resource) return 'it has DocumentReference.indexed (STU3/DSTU2)';
      return null;
    }
    case 'DiagnosticReport':
      if (obj(resource.context)) return 'it has DiagnosticReport.context (STU3)';
      return null;
    case 'Coverage':
      if ('issuer' in resource || 'plan' in resource) return 'it has Coverage.issuer/plan (DSTU2)';
      return null;
    default:
      return null;
  }
}
