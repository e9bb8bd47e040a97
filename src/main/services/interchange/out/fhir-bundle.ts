/**
 * The FHIR export: one Bundle of type 'collection' holding a Claim per chart. A Bundle (not
 * Bulk NDJSON) because it is one self-describing file a billing interface or a person can
 * open, and FHIR readers (ours included) take it as is; 10,000 claims stay well under 100 MB.
 */
import crypto from 'node:crypto';
import type { Bundle, Claim } from '@medplum/fhirtypes';
import { claimFor } from './fhir-claim';
import { assertValidFhir } from './fhir-validate';
import type { ExportRecord } from './records';

/** Builds and validates every Claim; throws (writing nothing) on the first invalid one. */
export function fhirClaims(records: readonly ExportRecord[], build: (r: ExportRecord) => Claim = claimFor): Claim[] {
  return records.map((record, index) => {
    const claim = build(record);
    assertValidFhir(claim, { index, total: records.length });
    return claim;
  });
}

export function fhirBundle(claims: readonly Claim[], at: Date): string {
  const bundle: Bundle<Claim> = {
    resourceType: 'Bundle',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${crypto.randomUUID()}` },
    type: 'collection',
    timestamp: at.toISOString(),
    entry: claims.map((resource) => ({ fullUrl: `urn:uuid:${crypto.randomUUID()}`, resource })),
  };
  return `${JSON.stringify(bundle, null, 1)}\n`;
}
