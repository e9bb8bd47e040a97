/**
 * Transport for the loopback browser host: calls over one WebSocket (a POST each while it is
 * not open), server-sent events for pushes.
 * The session token arrives once in the URL; it is moved to sessionStorage and removed from
 * the address bar so it does not linger in history or screenshots.
 */
import { EVENT_NAMES } from '../../shared/api-methods';
import { HOST_ROUTES, TOKEN_PARAM, type EventListener } from '../../shared/bridge';
import type { EventMap, EventName } from '../../shared/contract';
import { ErrorCode, err, type Result } from '../../shared/result';
import { defaultOpenSocket, socketChannel, socketUrl, type OpenSocket } from './socket-channel';
import type { Transport } from './transport';

const STORAGE_KEY = 'codedesk.hostToken';

/** Reads the token from the URL (then strips it) or from sessionStorage after a reload. */
export function takeHostToken(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl) {
    win.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_PARAM);
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return win.sessionStorage.getItem(STORAGE_KEY);
}

const unreachable = (): Result<never> =>
  err(ErrorCode.Internal, 'CodeDesk could not reach its local service. Restart CodeDesk and try again.');

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

type CallResult = Awaited<ReturnType<Transport['call']>>;

/** `openSocket: null` keeps every call on fetch (tests of the POST road). */
export function browserTransport(
  token: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  openSocket: OpenSocket | null = defaultOpenSocket,
): Transport {
  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;
  const socket = openSocket ? socketChannel(socketUrl(window.location), token, openSocket) : null;

  const dispatch = (name: EventName, data: string): void => {
    let payload: EventMap[EventName];
    try {
      payload = JSON.parse(data) as EventMap[EventName];
    } catch {
      return; // a malformed push is ignored; the next call still reports state correctly
    }
    for (const listener of listeners) listener(name, payload);
  };

  const open = (): void => {
    source = new EventSource(`${HOST_ROUTES.events}?${TOKEN_PARAM}=${encodeURIComponent(token)}`);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => dispatch(name, (event as MessageEvent<string>).data));
    }
  };

  return {
    async call(method, input) {
      const bySocket = socket?.send(method, input);
      if (bySocket) {
        const reply = await bySocket;
        return isResult(reply) ? (reply as CallResult) : unreachable();
      }
      let body: unknown;
      try {
        const response = await fetchImpl(HOST_ROUTES.call(method), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        });
        body = await response.json();
      } catch {
        return unreachable();
      }
      // The host always answers with a Result; anything else is treated as unreachable.
      return isResult(body) ? (body as CallResult) : unreachable();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
