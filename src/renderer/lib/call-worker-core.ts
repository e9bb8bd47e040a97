/**
 * What the call worker does with the page's messages, apart from the worker global it runs in
 * (call-worker.ts), so tests can drive it with a fake socket. It holds the host's call socket;
 * a reply the page is waiting for goes into the shared reply slot (the page's thread may be
 * busy waiting and unable to take a message), every other one back as a message.
 */
import { offerReply, replySlot, type ReplySlot } from '../../shared/reply-slot';
import type { FromWorker, ToWorker } from './call-worker-messages';
import { socketChannel, type OpenSocket, type SocketChannel, type SocketLike } from './socket-channel';

/** A message port seen as an always-open socket (the Electron window's call port). */
export function portSocket(port: MessagePort): SocketLike {
  const socket: SocketLike = {
    readyState: 1,
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

export function callWorkerCore(post: (message: FromWorker) => void, openSocket: OpenSocket): (message: ToWorker) => void {
  let channel: SocketChannel | null = null;
  let slot: ReplySlot | null = null;

  /** Offers the outcome to a waiting page; what the page does not take goes as a message. */
  const deliver = (id: number, result: unknown): void => {
    if (slot && result !== undefined && offerReply(slot, id, JSON.stringify(result))) return;
    if (slot && result === undefined) offerReply(slot, id, null);
    post({ type: 'reply', id, result });
  };

  return (message) => {
    if (message.type === 'open' || message.type === 'open-port') {
      slot = message.slot ? replySlot(message.slot) : null;
      channel =
        message.type === 'open'
          ? socketChannel(message.url, message.token, openSocket)
          : socketChannel('', '', () => portSocket(message.port));
      post({ type: 'ready' });
      return;
    }
    const { id, method, input } = message;
    const sent = channel?.send(method, input) ?? null;
    if (sent) {
      void sent.then((result) => deliver(id, result));
      return;
    }
    if (slot) offerReply(slot, id, null);
    post({ type: 'unsent', id });
  };
}
