/** The messages between the page and its call worker (call-worker.ts). */

export type ToWorker =
  /** Browser host: open the host's call socket. */
  | { type: 'open'; url: string; token: string; slot: SharedArrayBuffer | null }
  /** Electron: calls go over the window's private call port (transferred with this message). */
  | { type: 'open-port'; port: MessagePort; slot: SharedArrayBuffer | null }
  | { type: 'call'; id: number; method: string; input: unknown };

export type FromWorker =
  /** The worker is running: until then the page posts its calls (a worker that fails to load never says so). */
  | { type: 'ready' }
  /** The host's Result (unchecked); undefined when the socket dropped with the call in flight. */
  | { type: 'reply'; id: number; result: unknown }
  /** The socket was not open: the call was not sent and the page posts it instead. */
  | { type: 'unsent'; id: number };
