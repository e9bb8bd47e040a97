/**
 * What the call worker does with the page's messages, apart from the worker global it runs in
 * (call-worker.ts), so tests can drive it with a fake socket. It holds the one call channel (the
 * host's WebSocket or Electron's call port); a reply the page is waiting for goes into the shared
 * reply slot (the page's thread may be busy waiting and unable to take a message), every other
 * one back as a message.
 */
import { SOCKET_PROTOCOL } from '../../shared/bridge';
import { offerReply, replySlot, type ReplySlot } from '../../shared/reply-slot';
import type { FromWorker, ToWorker } from './call-worker-messages';
import { portSocket, socketChannel, type OpenSocket, type SocketChannel } from './socket-channel';

type Call = Extract<ToWorker, { type: 'call' }>;

export function callWorkerCore(post: (message: FromWorker) => void, openSocket: OpenSocket): (message: ToWorker) => void {
  let channel: SocketChannel | null = null;
  let slot: ReplySlot | null = null;
  /** Calls made before the road is known (Electron's port comes after the page's first calls). */
  let early: Call[] = [];

  /** Offers the outcome to a waiting page; what the page does not take goes as a message. */
  const deliver = (id: number, result: unknown): void => {
    if (slot && offerReply(slot, id, result === undefined ? null : JSON.stringify(result))) return;
    post({ type: 'reply', id, result });
  };

  const send = (road: SocketChannel, { id, method, input }: Call): void => {
    void road.send(method, input).then((result) => deliver(id, result));
  };

  const connect = (road: SocketChannel): void => {
    if (channel) return; // one road per page load
    channel = road;
    for (const call of early) send(road, call);
    early = [];
  };

  return (message) => {
    switch (message.type) {
      case 'start':
        slot = message.slot ? replySlot(message.slot) : null;
        return;
      case 'socket':
        return connect(socketChannel(() => openSocket(message.url, [SOCKET_PROTOCOL, message.token])));
      case 'port':
        return connect(socketChannel(() => portSocket(message.port)));
      case 'call':
        if (channel) send(channel, message);
        else early.push(message);
        return;
    }
  };
}
