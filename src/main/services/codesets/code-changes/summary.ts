/**
 * codes.changes: what changed between two versions of a code system, for billable codes
 * (the codes a claim can carry): added, deleted, revised titles, and codes whose billable
 * status changed (B88.0 became a header in FY2026, so it is deleted from the billable list
 * and listed under billableChanged). From the addenda of `to` when they were imported and
 * `from` is the version just before it; otherwise by comparing the two versions' code tables.
 * Defaults: the two newest (non-demo) versions of the system.
 */
import type { MethodParsedInput } from '../../../../shared/contract';
import type { CodeSystem, ContentVersion } from '../../../../shared/domain';
import type { ChangeSummary } from '../../../../shared/encoder';
import { AppFailure } from '../../../../shared/result';
import { displayCode, SYSTEM_LABELS } from '../code-format';
import type { ContentDb } from '../content-db';
import { listVersions } from '../versions';
import { changesFromAddenda } from './from-addenda';
import type { ChangeBody } from './change-body';
import { changesFromTables } from './from-tables';

export function summariseChanges(db: ContentDb, input: MethodParsedInput<'codes.changes'>): ChangeSummary {
  const versions = listVersions(db)
    .filter((v) => v.system === input.system && !v.isDemo)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const name = SYSTEM_LABELS[input.system];
  const find = (label: string) => {
    const found = versions.find((v) => v.label.toLowerCase() === label.trim().toLowerCase());
    if (!found) {
      const known = versions.map((v) => v.label).join(', ') || 'none';
      throw new AppFailure('BAD_INPUT', `No ${name} version is labelled ${label.trim()} (imported: ${known}).`, { system: input.system });
    }
    return found;
  };
  const to = input.to !== undefined ? find(input.to) : versions[versions.length - 1];
  const previous = to ? versions[versions.indexOf(to) - 1] : undefined;
  const from = input.from !== undefined ? find(input.from) : previous;
  if (!to || !from) {
    throw new AppFailure('BAD_INPUT', `Two ${name} versions are needed to list changes: import another year first.`, { system: input.system });
  }
  if (from.id === to.id) throw new AppFailure('BAD_INPUT', 'Choose two different versions to compare.');
  const body =
    (from.id === previous?.id ? changesFromAddenda(db, input.system, to.label) : null) ?? changesFromTables(db, from.id, to.id);
  return { system: input.system, from: from.label, to: to.label, ...display(input.system, body), basis: basisOf(body.basis, from, to) };
}

function display(system: CodeSystem, body: ChangeBody) {
  const d = <T extends { code: string }>(items: T[]) => items.map((i) => ({ ...i, code: displayCode(system, i.code) }));
  return { added: d(body.added), deleted: d(body.deleted), revised: d(body.revised), billableChanged: d(body.billableChanged) };
}

function basisOf(file: string | null, from: ContentVersion, to: ContentVersion): string {
  return file ?? `comparison of the ${from.label} and ${to.label} code tables`;
}
