/** HIPAA automatic logoff in Electron, over a minimal power-monitor shape (no electron import), so it is unit-tested. */
import type { CodeDeskApp } from '../app';

export interface PowerMonitorLike {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
}

/** The OS locking or sleeping locks CodeDesk too. */
export function lockOnOsEvents(monitor: PowerMonitorLike, app: Pick<CodeDeskApp, 'lock'>): void {
  monitor.on('lock-screen', () => app.lock('os'));
  monitor.on('suspend', () => app.lock('os'));
}
