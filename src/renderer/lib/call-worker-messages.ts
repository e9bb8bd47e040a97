/** The messages between the page and its call worker (call-worker.ts). */

export type ToWorker =
  /** First message: the shared reply slot, when the page is cross-origin isolated. */
  | { type: 'start'; slot: SharedArrayBuffer | null }
  /** Browser host: calls go over the host's WebSocket. */
  | { type: 'socket'; url: string; token: string }
  /** Electron: calls go over the window's private call port (transferred with this message). */
  | { type: 'port'; port: MessagePort }
  /** Sent as soon as the page makes the call: the worker holds it until it has its road. */
  | { type: 'call'; id: number; method: string; input: unknown };

/** The host's Result (unchecked); undefined when the call was lost (the socket dropped or never opened). */
export type FromWorker = { type: 'reply'; id: number; result: unknown };
