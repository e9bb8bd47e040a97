/**
 * Transport for the loopback browser host: calls over one WebSocket, held by a worker when the
 * page can share memory with it (call-roads.ts), a POST each while the socket is not open;
 * server-sent events for pushes.
 * The session token arrives once in the URL; it is moved to sessionStorage and removed from
 * the address bar so it does not linger in history or screenshots.
 */
import { EVENT_NAMES } from '../../shared/api-methods';
import { HOST_ROUTES, TOKEN_PARAM, type EventListener } from '../../shared/bridge';
import type { EventMap, EventName } from '../../shared/contract';
import { begunOnRoad, checkedReply, defaultRoad, replyResult, type OpenRoad } from './call-roads';
import { socketUrl } from './socket-channel';
import { unreachable } from './errors';
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

type CallResult = Awaited<ReturnType<Transport['call']>>;

/** `road: null` keeps every call on fetch (tests of the POST road). */
export function browserTransport(
  token: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  road: OpenRoad | null = defaultRoad,
): Transport {
  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;
  const calls = road ? road(socketUrl(window.location), token) : null;

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

  const post = async (method: string, input: unknown): Promise<CallResult> => {
    try {
      const response = await fetchImpl(HOST_ROUTES.call(method as never), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return checkedReply(await response.json()) as CallResult;
    } catch {
      return unreachable();
    }
  };

  const transport: Transport = {
    call(method, input) {
      const reply = calls?.send(method, input);
      return (reply ? replyResult(reply, () => post(method, input)) : post(method, input)) as ReturnType<Transport['call']>;
    },
    begin(method, input) {
      const begun = begunOnRoad(calls, method, input, () => post(method, input));
      return (begun ?? { result: transport.call(method, input), take: () => null }) as ReturnType<NonNullable<Transport['begin']>>;
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
  return transport;
}
