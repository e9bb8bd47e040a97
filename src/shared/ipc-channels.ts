/** The two IPC channels between preload and main. */
export const IPC_CALL = 'codedesk:call';
export const IPC_EVENT = 'codedesk:event';
/** The custom scheme the Electron window loads the renderer from. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://codedesk`;
