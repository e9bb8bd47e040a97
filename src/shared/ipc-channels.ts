/** The IPC channels from main to the preload (the renderer sends nothing by IPC). */
export const IPC_EVENT = 'codedesk:event';
/** Main → preload: the window's private call port (src/main/electron/call-port.ts). */
export const IPC_CALL_PORT = 'codedesk:call-port';
/** Preload → page (window.postMessage): the message that carries that port. */
export const CALL_PORT_MESSAGE = 'codedesk:call-port';
/** The custom scheme the Electron window loads the renderer from. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://codedesk`;
