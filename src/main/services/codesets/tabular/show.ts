/**
 * codes.show: a code with its title and billable flag (from the code-set version in force),
 * its place in the Tabular List, every note that applies and its 7th-character definitions.
 */
import type { MethodParsedInput } from '../../../../shared/contract';
import { CODE_SYSTEMS, type CodeSystem, type ContentVersion } from '../../../../shared/domain';
import type { CodeDetail, HierarchyStep } from '../../../../shared/encoder';
import { AppFailure } from '../../../../shared/result';
import type { ContentDb } from '../content-db';
import { displayCode, normaliseCode, SYSTEM_LABELS } from '../code-format';
import { noCodeSet, versionFor } from '../versions';
import { childRows, codeRow, headerRows, type CodeTableRow } from './code-table';
import { notesForCodes } from './notes';
import { nodeByKey, nodeChain, tabularReleaseFor, type NodeRow } from './release';

export function showCode(db: ContentDb, input: MethodParsedInput<'codes.show'>): CodeDetail {
  const { date } = input;
  const systems: readonly CodeSystem[] = input.system ? [input.system] : CODE_SYSTEMS;
  let anyVersion = false;
  for (const system of systems) {
    const version = versionFor(db, system, date);
    if (!version) continue;
    anyVersion = true;
    const code = normaliseCode(system, input.code);
    const row = codeRow(db, version.id, code);
    if (row) return system === 'icd10cm' ? cmDetail(db, version, row, date) : plainDetail(system, version, row);
  }
  if (!anyVersion) throw noCodeSet(input.system ?? null, date);
  const shown = displayCode(input.system ?? 'icd10cm', input.code);
  const label = input.system ? SYSTEM_LABELS[input.system] : null;
  const where = label ? `${label.startsWith('C') ? 'a' : 'an'} ${label} code` : 'a code in any imported code set';
  const when = date ? ` in force on ${date}` : '';
  throw new AppFailure('NOT_FOUND', `${shown} is not ${where}${when}.`, { code: normaliseCode('icd10cm', input.code) });
}

function plainDetail(system: CodeSystem, version: ContentVersion, row: CodeTableRow): CodeDetail {
  return {
    system,
    code: row.display_code,
    title: row.long_title,
    billable: row.billable === 1,
    version: { label: version.label, isDemo: version.isDemo },
    hierarchy: [],
    notes: [],
    sevenChr: null,
    notesSource: null,
    children: [],
  };
}

function cmDetail(db: ContentDb, version: ContentVersion, row: CodeTableRow, date: string | undefined): CodeDetail {
  // Notes follow the date's fiscal year; without a date, the version's own year.
  const notesDate = date ?? version.effectiveFrom;
  const release = tabularReleaseFor(db, notesDate);
  const resolved = notesForCodes(db, [row.code], notesDate).get(row.code);
  return {
    ...plainDetail('icd10cm', version, row),
    hierarchy: hierarchyOf(db, version.id, release?.id ?? null, row.code),
    notes: resolved?.notes ?? [],
    sevenChr: resolved?.sevenChr ?? null,
    notesSource: release ? { label: release.label, fallback: release.fallback } : null,
    children: childRows(db, version.id, row.code).map((c) => ({ code: c.display_code, title: c.long_title, billable: c.billable === 1 })),
  };
}

/**
 * Chapter → section → category → … down to the code's parent. The Tabular List gives the
 * levels down to the nearest ancestor it knows; header rows of the version fill in the rest
 * (codes added since that release). Code titles come from the version in force.
 */
function hierarchyOf(db: ContentDb, versionId: number, releaseId: number | null, code: string): HierarchyStep[] {
  const headers = headerRows(db, versionId, code);
  const titles = new Map(headers.map((h) => [h.code, h.long_title]));
  let chain: NodeRow[] = [];
  if (releaseId !== null) {
    // The code's own node when the release has it (its ancestors up to the chapter, even for a
    // category such as E00), else the nearest ancestor it knows.
    for (let n = code.length; n >= 3 && chain.length === 0; n--) {
      const node = nodeByKey(db, releaseId, 'diag', code.slice(0, n));
      if (node) chain = nodeChain(db, node).reverse().slice(0, n === code.length ? -1 : undefined);
    }
  }
  const steps: HierarchyStep[] = chain.map((n) => ({
    code: n.code,
    title: n.kind === 'diag' ? (titles.get(n.node_key) ?? n.title) : n.title,
    level: n.kind === 'diag' ? (n.node_key.length === 3 ? 'category' : 'subcategory') : n.level,
  }));
  const deepest = chain[chain.length - 1]?.node_key ?? '';
  for (const h of headers) {
    if (h.code.length <= deepest.length) continue;
    steps.push({ code: h.display_code, title: h.long_title, level: h.code.length === 3 ? 'category' : 'subcategory' });
  }
  return steps;
}
