/**
 * A private message port per page load of the CodeDesk window, for calls in the same
 * `{id, method, input}` envelope as the browser host's socket. The renderer's call worker holds
 * the other end, so it can put a search reply in shared memory while the page waits at the
 * start of the keystroke's frame (src/renderer/lib/worker-channel.ts). Plain function over a
 * minimal port shape (no electron import), so it is unit-tested with Node's MessageChannel.
 */
import type { Result } from '../../shared/result';
import { answerCall, readCallEnvelope } from '../call-envelope';

/** The part of Electron's MessagePortMain this uses. */
export interface MainPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export function serveCallPort(
  port: MainPortLike,
  call: (method: string, input: unknown) => Promise<Result<unknown>>,
  maxMessageBytes: number,
): void {
  let open = true;
  port.on('message', ({ data }) => {
    const envelope = typeof data === 'string' && data.length <= maxMessageBytes ? readCallEnvelope(data) : null;
    if (!envelope) {
      // Only CodeDesk's own worker holds this port: anything else means something is wrong.
      open = false;
      port.close();
      return;
    }
    void answerCall(envelope, call).then((reply) => {
      if (open) port.postMessage(reply);
    });
  });
  port.start();
}
