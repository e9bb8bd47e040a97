/**
 * The preload: hands the renderer one named function per contract method and an event
 * subscription — never ipcRenderer itself. Method and event names are checked here too.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, METHOD_NAMES } from '../shared/api-methods';
import type { CodeDeskBridge, EventListener } from '../shared/bridge';
import { CALL_PORT_MESSAGE, IPC_CALL, IPC_CALL_PORT, IPC_EVENT } from '../shared/ipc-channels';

const api = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(IPC_CALL, method, input)]),
) as CodeDeskBridge['api'];

const bridge: CodeDeskBridge = {
  api,
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

// The window's private call port goes to the page (a port is not a function contextBridge can
// wrap); the page checks the message came from its own window and hands the port to its call worker.
interface PageWindow {
  postMessage(message: string, targetOrigin: string, transfer: unknown[]): void;
}
ipcRenderer.on(IPC_CALL_PORT, (event) => {
  const [port] = event.ports;
  if (port) (globalThis as unknown as PageWindow).postMessage(CALL_PORT_MESSAGE, '*', [port]);
});
