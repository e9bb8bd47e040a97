/**
 * claim.check: runs every edit family on a claim against the content database — by setting,
 * with the tables in force on the date of service — and returns the findings, errors first.
 */
import type { Claim, Finding } from '../../../shared/claim';
import type { MethodParsedInput } from '../../../shared/contract';
import { assertIsoDate } from '../codesets/versions';
import type { ContentDb } from '../codesets/content-db';
import { claimLines, type ClaimLines } from './claim-lines';
import { editContext } from './context';
import { EDIT_FAMILIES } from './registry';

export function checkClaim(db: ContentDb, claim: MethodParsedInput<'claim.check'>): Finding[] {
  assertIsoDate(claim.dateOfService);
  return checkLines(db, claimLines(claim satisfies Claim));
}

/** For callers that already know each procedure's code system (chart validation). */
export function checkLines(db: ContentDb, lines: ClaimLines): Finding[] {
  const ctx = editContext(db, lines);
  const findings = EDIT_FAMILIES.flatMap((family) => family.run(ctx));
  // Stable: errors, warnings, then notes, each in the family order.
  return (['error', 'warning', 'note'] as const).flatMap((severity) => findings.filter((f) => f.severity === severity));
}
