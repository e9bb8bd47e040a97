/**
 * The Electron-side handlers as plain functions over minimal shapes (no electron import), so
 * the sender check, the API call and the OS-lock wiring are unit-tested here.
 */
import { err, ErrorCode, type Result } from '../../shared/result';
import { callApi } from '../api';
import type { CodeDeskApp } from '../app';
import { isTrustedSender } from './security-policy';

export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** ipcMain.handle(IPC_CALL, …): refuse foreign frames, then the one API. */
export function createCallHandler(app: CodeDeskApp) {
  return async (event: IpcEventLike, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) return err(ErrorCode.Forbidden, 'Calls are accepted from the CodeDesk window only.');
    if (typeof method !== 'string') return err(ErrorCode.BadInput, 'Unknown API method.');
    return callApi(app, method, input);
  };
}

export interface PowerMonitorLike {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
}

/** HIPAA automatic logoff: the OS locking or sleeping locks CodeDesk too. */
export function lockOnOsEvents(monitor: PowerMonitorLike, app: Pick<CodeDeskApp, 'lock'>): void {
  monitor.on('lock-screen', () => app.lock('os'));
  monitor.on('suspend', () => app.lock('os'));
}
