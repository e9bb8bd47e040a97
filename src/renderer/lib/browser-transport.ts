/**
 * Transport for the loopback browser host: calls over the host's WebSocket, held by the call
 * worker (worker-calls.ts); server-sent events for pushes.
 * The session token arrives once in the URL; it is moved to sessionStorage and removed from
 * the address bar so it does not linger in history or screenshots.
 */
import { EVENT_NAMES } from '../../shared/api-methods';
import { HOST_ROUTES, TOKEN_PARAM, type EventListener } from '../../shared/bridge';
import type { EventMap, EventName } from '../../shared/contract';
import { socketUrl } from './socket-channel';
import type { Transport } from './transport';
import { callsOverWorker, startCallWorker, type StartCallWorker } from './worker-calls';

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

export function browserTransport(token: string, start: StartCallWorker = startCallWorker): Transport {
  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;
  const channel = start();
  channel?.connect({ url: socketUrl(window.location), token });

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
    ...callsOverWorker(channel),
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
