/**
 * A private message port per page load of the CodeDesk window, carrying every call in the same
 * `{id, method, input}` envelope as the browser host's socket. The renderer's call worker holds
 * the other end, so it can put a search reply in shared memory while the page waits at the
 * start of the keystroke's frame (src/renderer/lib/worker-channel.ts). The renderer sends nothing
 * by IPC: holding the port is the right to call, so it goes to the app's own top frame only.
 * Plain functions over minimal shapes (no electron import), unit-tested with Node's MessageChannel.
 */
import type { Result } from '../../shared/result';
import { IPC_CALL_PORT } from '../../shared/ipc-channels';
import { answerCall, readCallEnvelope } from '../call-envelope';
import { isAppTopFrame } from './security-policy';

/** The part of Electron's MessagePortMain this uses. */
export interface MainPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/** The part of Electron's WebFrameMain (the window's main frame) this uses. */
export interface FrameLike<P> {
  readonly url: string;
  readonly parent: unknown;
  postMessage(channel: string, message: null, transfer: P[]): void;
}

type Call = (method: string, input: unknown) => Promise<Result<unknown>>;

export function serveCallPort(port: MainPortLike, call: Call, maxMessageBytes: number): void {
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

/**
 * After a page load: a fresh call port for the page when the frame is the app's own top frame
 * (returns the main process's end, to close on the next load), else nothing at all.
 */
export function openCallPort<P extends MainPortLike>(
  frame: FrameLike<P> | null,
  newChannel: () => { port1: P; port2: P },
  call: Call,
  maxMessageBytes: number,
): P | null {
  if (!frame || !isAppTopFrame(frame)) return null;
  const { port1, port2 } = newChannel();
  serveCallPort(port1, call, maxMessageBytes);
  frame.postMessage(IPC_CALL_PORT, null, [port2]);
  return port1;
}
