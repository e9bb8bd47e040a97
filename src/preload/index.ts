/**
 * The preload: hands the renderer an event subscription — never ipcRenderer itself — and the
 * window's private call port, on which the page's call worker sends every call. Event names are
 * checked here too.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES } from '../shared/api-methods';
import type { CodeDeskBridge, EventListener } from '../shared/bridge';
import { APP_ORIGIN, CALL_PORT_MESSAGE, IPC_CALL_PORT, IPC_EVENT } from '../shared/ipc-channels';

const bridge: CodeDeskBridge = {
  onEvent(listener: EventListener) {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name)) {
        listener(name as never, payload as never);
      }
    };
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('codedesk', bridge);

// The port goes to the page by window.postMessage (a port is not something contextBridge can
// pass), addressed to the app's own origin: should the window ever show another origin, the
// browser drops the message instead of handing that page the API.
interface PageWindow {
  postMessage(message: string, targetOrigin: string, transfer: unknown[]): void;
}
ipcRenderer.on(IPC_CALL_PORT, (event) => {
  const [port] = event.ports;
  if (port) (globalThis as unknown as PageWindow).postMessage(CALL_PORT_MESSAGE, APP_ORIGIN, [port]);
});
