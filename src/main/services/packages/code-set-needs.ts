/**
 * Which code-set versions packaged charts need: per chart, the version in force on its coding
 * date for each system its setting codes with. Only the names travel; the codes stay in each
 * computer's content.db, and opening a package names the versions the coder lacks.
 */
import type { ChartSetting as Setting, CodeSystem } from '../../../shared/domain';
import type { CodeSetNeed } from '../../../shared/packages';
import type { ContentDb } from '../codesets/content-db';
import { listVersions, versionFor } from '../codesets/versions';

const SYSTEMS_BY_SETTING: Record<Setting, readonly CodeSystem[]> = {
  inpatient: ['icd10cm', 'icd10pcs'],
  outpatient_surgery: ['icd10cm', 'cpt', 'hcpcs'],
  emergency: ['icd10cm', 'cpt', 'hcpcs'],
  professional: ['icd10cm', 'cpt', 'hcpcs'],
};

export function codeSetNeeds(content: ContentDb, charts: readonly { setting: Setting; codingDate: string }[]): CodeSetNeed[] {
  const needs = new Map<string, CodeSetNeed>();
  for (const chart of charts) {
    for (const system of SYSTEMS_BY_SETTING[chart.setting]) {
      const v = versionFor(content, system, chart.codingDate);
      if (v) needs.set(`${system}|${v.label}`, { system, label: v.label, effectiveFrom: v.effectiveFrom, isDemo: v.isDemo });
    }
  }
  return [...needs.values()].sort((a, b) => a.system.localeCompare(b.system) || a.effectiveFrom.localeCompare(b.effectiveFrom));
}

export function missingCodeSets(content: ContentDb, needs: readonly CodeSetNeed[]): CodeSetNeed[] {
  const have = new Set(listVersions(content).map((v) => `${v.system}|${v.label}`));
  return needs.filter((n) => !have.has(`${n.system}|${n.label}`));
}
