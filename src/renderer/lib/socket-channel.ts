/**
 * The browser host's call socket, seen from the page: one WebSocket, calls matched to replies
 * by id. It is only a faster road: while the socket is not open, `send` says so (null) and the
 * caller posts the call instead; a call in flight when the socket drops ends as unreachable and
 * is not sent again (it may have run).
 */
import { HOST_ROUTES, SOCKET_PROTOCOL } from '../../shared/bridge';

/** The part of the browser's WebSocket this channel uses (tests pass a fake). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(): void;
}

export type OpenSocket = (url: string, protocols: string[]) => SocketLike;

export interface SocketChannel {
  /** The call's Result as the host sent it (unchecked), undefined if the socket dropped; null when not open. */
  send(method: string, input: unknown): Promise<unknown> | null;
  close(): void;
}

const OPEN = 1;
/** After a failed or dropped socket, calls go by fetch for this long before the next attempt. */
const RETRY_AFTER_MS = 2000;

export const defaultOpenSocket: OpenSocket = (url, protocols) => new WebSocket(url, protocols);

export function socketUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${HOST_ROUTES.socket}`;
}

export function socketChannel(url: string, token: string, open: OpenSocket, now: () => number = Date.now): SocketChannel {
  let socket: SocketLike | null = null;
  let retryAt = 0;
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();

  const drop = (): void => {
    socket = null;
    retryAt = now() + RETRY_AFTER_MS;
    for (const settle of pending.values()) settle(undefined);
    pending.clear();
  };

  const connect = (): void => {
    if (socket || now() < retryAt) return;
    let opened: SocketLike;
    try {
      opened = open(url, [SOCKET_PROTOCOL, token]);
    } catch {
      drop();
      return;
    }
    socket = opened;
    opened.onmessage = (event) => {
      let reply: { id?: unknown; result?: unknown };
      try {
        reply = JSON.parse(String(event.data)) as typeof reply;
      } catch {
        return; // not a reply; the caller's call stays pending until the socket drops
      }
      if (typeof reply.id !== 'number') return;
      pending.get(reply.id)?.(reply.result);
      pending.delete(reply.id);
    };
    opened.onclose = () => {
      if (socket === opened) drop();
    };
    opened.onerror = () => opened.close();
  };

  connect();
  return {
    send(method, input) {
      if (!socket || socket.readyState !== OPEN) {
        connect();
        return null;
      }
      const id = nextId++;
      const live = socket;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        try {
          live.send(JSON.stringify({ id, method, input }));
        } catch {
          pending.delete(id);
          resolve(undefined);
        }
      });
    },
    close() {
      const open = socket;
      socket = null;
      retryAt = Number.POSITIVE_INFINITY;
      open?.close();
      for (const settle of pending.values()) settle(undefined);
      pending.clear();
    },
  };
}
