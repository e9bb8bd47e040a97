/**
 * Each code system's current version (as a search without a date picks it: the newest official
 * one, else the demo subset), its effective dates and where it came from (official release,
 * unverified file or demo).
 */
import type { SourceFileInfo } from '../../../shared/contract';
import { CODE_SYSTEMS, type ContentVersion } from '../../../shared/domain';
import { SYSTEM_LABELS } from '../../lib/labels';
import { currentVersion } from './versions';

/** The release a version's file matched, found by the file name its source line ends with. */
function releaseOf(version: ContentVersion, files: readonly SourceFileInfo[]): string | null {
  return files.find((f) => f.release !== null && version.source.endsWith(f.file))?.release ?? null;
}

function sourceText(version: ContentVersion, files: readonly SourceFileInfo[]): string {
  if (version.isDemo) return 'Demo subset (not a full code set)';
  if (!version.verified) return 'Unverified file (matches no known official release)';
  return releaseOf(version, files) ?? 'Official release';
}

export function InstalledCodeSets({ versions, files }: { versions: readonly ContentVersion[]; files: readonly SourceFileInfo[] }) {
  return (
    <table className="codesets-table" aria-label="Installed code sets">
      <thead>
        <tr>
          <th scope="col">System</th>
          <th scope="col">Version</th>
          <th scope="col">Effective</th>
          <th scope="col">Source</th>
          <th scope="col" className="num">
            Codes
          </th>
        </tr>
      </thead>
      <tbody>
        {CODE_SYSTEMS.map((system) => {
          const version = currentVersion(versions, system);
          return (
            <tr key={system}>
              <th scope="row">{SYSTEM_LABELS[system]}</th>
              {version ? (
                <>
                  <td className="codesets-version">{version.isDemo ? 'Demo' : version.label}</td>
                  <td className="codesets-dates">{version.isDemo ? 'any date' : `${version.effectiveFrom} – ${version.effectiveTo ?? 'open'}`}</td>
                  <td className={version.isDemo || !version.verified ? 'codesets-warn' : undefined}>
                    {sourceText(version, files)}
                    <div className="muted codesets-file">{version.source}</div>
                  </td>
                  <td className="num">{version.codeCount.toLocaleString('en-US')}</td>
                </>
              ) : (
                <td colSpan={4} className="muted">
                  Not installed
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
