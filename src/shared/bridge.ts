/**
 * What the Electron preload exposes on `window.codedesk`: one named function per contract
 * method (never ipcRenderer itself) and an event subscription. Type-only imports, so the
 * sandboxed preload bundles no schemas.
 */
import type { EventMap, EventName, MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './result';

export type BridgeApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

export type EventListener = <E extends EventName>(name: E, payload: EventMap[E]) => void;

export interface CodeDeskBridge {
  api: BridgeApi;
  /** Returns an unsubscribe function. */
  onEvent(listener: EventListener): () => void;
}

/** The browser host's HTTP routes (loopback only; every request carries the session token). */
export const HOST_ROUTES = {
  /** POST, JSON body = method input, header `Authorization: Bearer <token>`; reply = Result JSON. */
  call: (method: MethodName) => `/api/call/${method}`,
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
