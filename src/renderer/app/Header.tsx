/** The header bar: app name, who is signed in, demo and unverified badges, About, help, Lock. */
import { useMemo } from 'react';
import { demoBadgeText, demoOnlySystems, unverifiedVersions } from '../features/codesets/versions';
import { useVersions } from '../features/codesets/versions-store';
import { useSession } from '../features/session/session-store';
import { ROLE_LABELS, SYSTEM_LABELS } from '../lib/labels';
import { HubBadge } from './HubBadge';
import { lockNow } from './lock-now';
import { useRoute } from './route-store';

export function Header({ onAbout, onHelp, onSettings }: { onAbout(): void; onHelp(): void; onSettings(): void }) {
  const profile = useSession((s) => s.status?.profile ?? null);
  const versions = useVersions((s) => s.versions);
  const demoSystems = useMemo(() => demoOnlySystems(versions), [versions]);
  const demoBadge = demoBadgeText(versions, SYSTEM_LABELS);
  const unverified = useMemo(() => unverifiedVersions(versions), [versions]);

  return (
    <header className="app-header">
      <span className="app-name">CodeDesk</span>
      {demoBadge ? (
        <span
          className="badge badge-demo"
          title={`Only a demo subset is installed for ${demoSystems.map((s) => SYSTEM_LABELS[s]).join(', ')}. It is not a full code set.`}
        >
          {demoBadge}
        </span>
      ) : null}
      {unverified.length > 0 ? (
        <span
          className="badge badge-unverified"
          title={`Imported from files that match no known official release: ${unverified.map((v) => `${SYSTEM_LABELS[v.system]} ${v.label}`).join(', ')}.`}
        >
          Unverified code set
        </span>
      ) : null}
      <span className="header-spacer" />
      {profile ? <HubBadge /> : null}
      {profile ? (
        <span className="header-user">
          {profile.displayName} · {ROLE_LABELS[profile.role]}
        </span>
      ) : null}
      {/* charts.import: coders and supervisors (auditors review only). */}
      {profile && profile.role !== 'auditor' ? (
        <button type="button" className="header-button" onClick={() => useRoute.getState().showChartImport()}>
          Import charts
        </button>
      ) : null}
      {/* codes.import is open to every role (code sets are not PHI), so every role sees it. */}
      <button type="button" className="header-button" onClick={() => useRoute.getState().showCodeSets()}>
        Code sets
      </button>
      <button type="button" className="header-button" onClick={() => useRoute.getState().showExport()}>
        Export
      </button>
      <button type="button" className="header-button" onClick={() => useRoute.getState().showPackages()}>
        Packages
      </button>
      <button type="button" className="header-button" onClick={() => useRoute.getState().showProductivity()}>
        Productivity
      </button>
      <button type="button" className="header-button" onClick={() => useRoute.getState().showAudits()}>
        Audits
      </button>
      <button type="button" className="header-button" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
      <button type="button" className="header-button" onClick={onSettings}>
        Settings
      </button>
      <button type="button" className="header-button" onClick={onAbout}>
        About
      </button>
      <button type="button" className="header-button" onClick={() => void lockNow()} title="Lock (Ctrl+Shift+L)">
        Lock
      </button>
    </header>
  );
}
