/**
 * What the Electron preload exposes on `window.codedesk`: an event subscription only (never
 * ipcRenderer itself); calls travel on the window's private call port (src/main/electron/
 * call-port.ts). Type-only imports, so the sandboxed preload bundles no schemas.
 */
import type { EventMap, EventName } from './contract';

export type EventListener = <E extends EventName>(name: E, payload: EventMap[E]) => void;

export interface CodeDeskBridge {
  /** Returns an unsubscribe function. */
  onEvent(listener: EventListener): () => void;
}

/** The browser host's routes (loopback only; every request carries the session token). */
export const HOST_ROUTES = {
  /** GET, server-sent events; the token travels as `?token=` because EventSource cannot set headers. */
  events: '/api/events',
  /**
   * WebSocket for calls: messages `{id, method, input}` answered by `{id, result}`. The token
   * is the second of the subprotocols offered, `[SOCKET_PROTOCOL, token]`.
   */
  socket: '/api/socket',
} as const;

/** The subprotocol the browser host's call socket speaks. */
export const SOCKET_PROTOCOL = 'codedesk.v1';

/** The URL query parameter carrying the browser host's session token on first load. */
export const TOKEN_PARAM = 'token';
