/**
 * One call channel, as the call worker holds it: the browser host's WebSocket, or the Electron
 * window's call port seen as an always-open socket. Calls are matched to replies by id. Calls
 * made while the socket connects wait for it; a call in flight when the socket drops (or that
 * never left because it failed to open) ends as lost (undefined) and is not sent again — it may
 * have run. The next call opens a new socket.
 */
import { HOST_ROUTES } from '../../shared/bridge';

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
  /** The call's Result as the host sent it (unchecked), or undefined if it was lost. */
  send(method: string, input: unknown): Promise<unknown>;
}

const OPEN = 1;

export const defaultOpenSocket: OpenSocket = (url, protocols) => new WebSocket(url, protocols);

export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${HOST_ROUTES.socket}`;
}

/** A message port seen as an always-open socket (the Electron window's call port). */
export function portSocket(port: MessagePort): SocketLike {
  const socket: SocketLike = {
    readyState: OPEN,
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    send: (data) => port.postMessage(data),
    close: () => port.close(),
  };
  port.onmessage = (event) => socket.onmessage?.(event);
  return socket;
}

export function socketChannel(open: () => SocketLike): SocketChannel {
  let socket: SocketLike | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  /** Calls made while the socket connects, sent once it opens. */
  let waiting: string[] = [];

  const drop = (): void => {
    socket = null;
    waiting = [];
    for (const settle of pending.values()) settle(undefined);
    pending.clear();
  };

  const flush = (live: SocketLike): void => {
    const messages = waiting;
    waiting = [];
    try {
      for (const message of messages) live.send(message);
    } catch {
      live.close();
    }
  };

  const connect = (): SocketLike | null => {
    let opened: SocketLike;
    try {
      opened = open();
    } catch {
      return null;
    }
    socket = opened;
    opened.onopen = () => flush(opened);
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
    return opened;
  };

  return {
    send(method, input) {
      const live = socket ?? connect();
      if (!live) return Promise.resolve(undefined);
      const id = nextId++;
      const message = JSON.stringify({ id, method, input });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (live.readyState !== OPEN) {
          waiting.push(message);
          return;
        }
        try {
          live.send(message);
        } catch {
          pending.delete(id);
          resolve(undefined);
        }
      });
    },
  };
}
