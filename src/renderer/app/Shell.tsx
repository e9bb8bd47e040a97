/** The unlocked app: header bar, the current screen, and the help/about panels. */
import { useCallback, useEffect, useState } from 'react';
import { AuditsScreen } from '../features/audits/AuditsScreen';
import { ChartScreen } from '../features/chart/ChartScreen';
import { CodeSetsScreen } from '../features/codesets/CodeSetsScreen';
import { ChartImportScreen } from '../features/chartimport/ChartImportScreen';
import { ExportScreen } from '../features/export/ExportScreen';
import { useVersions } from '../features/codesets/versions-store';
import { HubScreen } from '../features/hub/HubScreen';
import { PackagesScreen } from '../features/packages/PackagesScreen';
import { ProductivityScreen } from '../features/productivity/ProductivityScreen';
import { QueueScreen } from '../features/queue/QueueScreen';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { AboutDialog } from './AboutDialog';
import { Header } from './Header';
import { HelpDialog } from './HelpDialog';
import { TrailBanner } from './TrailBanner';
import { useRoute } from './route-store';
import { useActivityHeartbeat } from './use-activity';
import { useGlobalShortcuts } from './use-global-shortcuts';

export function Shell() {
  const route = useRoute((s) => s.route);
  const [panel, setPanel] = useState<'help' | 'about' | 'settings' | null>(null);
  const toggleHelp = useCallback(() => setPanel((p) => (p === 'help' ? null : 'help')), []);
  const close = useCallback(() => setPanel(null), []);
  useGlobalShortcuts(toggleHelp);
  useActivityHeartbeat();

  useEffect(() => {
    void useVersions.getState().load();
  }, []);

  return (
    <div className="shell">
      <Header onAbout={() => setPanel('about')} onHelp={toggleHelp} onSettings={() => setPanel('settings')} />
      <TrailBanner />
      {route.view === 'queue' ? <QueueScreen /> : null}
      {route.view === 'chart' ? <ChartScreen key={route.chartId} chartId={route.chartId} /> : null}
      {route.view === 'codesets' ? <CodeSetsScreen /> : null}
      {route.view === 'chartimport' ? <ChartImportScreen /> : null}
      {route.view === 'export' ? <ExportScreen /> : null}
      {route.view === 'packages' ? <PackagesScreen /> : null}
      {route.view === 'productivity' ? <ProductivityScreen /> : null}
      {route.view === 'audits' ? <AuditsScreen /> : null}
      {route.view === 'hub' ? <HubScreen /> : null}
      {route.view === 'audit' ? <ChartScreen key={route.auditId} chartId={route.chartId} auditId={route.auditId} /> : null}
      {panel === 'help' ? <HelpDialog onClose={close} /> : null}
      {panel === 'about' ? <AboutDialog onClose={close} /> : null}
      {panel === 'settings' ? <SettingsDialog onClose={close} /> : null}
    </div>
  );
}
