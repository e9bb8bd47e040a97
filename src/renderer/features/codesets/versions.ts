/** Questions about the installed code-set versions (pure; the store only holds the list). */
import { CODE_SYSTEMS, type CodeSystem, type ContentVersion } from '../../../shared/domain';

/** Systems whose only installed versions are demo subsets. */
export function demoOnlySystems(versions: readonly ContentVersion[]): CodeSystem[] {
  return CODE_SYSTEMS.filter((system) => {
    const own = versions.filter((v) => v.system === system);
    return own.length > 0 && own.every((v) => v.isDemo);
  });
}

/**
 * The demo badge: "Demo code subset" while nothing official is installed, then the systems still
 * on the demo subset ("Demo: HCPCS, CPT"); null when none are.
 */
export function demoBadgeText(versions: readonly ContentVersion[], names: Record<CodeSystem, string>): string | null {
  const demo = demoOnlySystems(versions);
  if (demo.length === 0) return null;
  const anyOfficial = versions.some((v) => !v.isDemo);
  return anyOfficial ? `Demo: ${demo.map((s) => names[s]).join(', ')}` : 'Demo code subset';
}

/** Official versions whose files matched no known release (imported with "allow unverified"). */
export function unverifiedVersions(versions: readonly ContentVersion[]): ContentVersion[] {
  return versions.filter((v) => !v.isDemo && !v.verified);
}

/** A version's label with what it is not: "FY2026 (demo)", "FY2027 (unverified)". */
export function versionLabel(v: ContentVersion): string {
  if (v.isDemo) return `${v.label} (demo)`;
  return v.verified ? v.label : `${v.label} (unverified)`;
}

/** The version in force on `date` (YYYY-MM-DD) for a system, newest first if several match. */
export function versionInForce(
  versions: readonly ContentVersion[],
  system: CodeSystem,
  date: string,
): ContentVersion | null {
  const matching = versions
    .filter((v) => v.system === system && v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo))
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return matching[0] ?? null;
}

/** The version a search without a date covers: the newest official one, else the demo subset. */
export function currentVersion(versions: readonly ContentVersion[], system: CodeSystem): ContentVersion | null {
  const own = versions.filter((v) => v.system === system);
  const official = own.filter((v) => !v.isDemo).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  return official[0] ?? own[0] ?? null;
}
