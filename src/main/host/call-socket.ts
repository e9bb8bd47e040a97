/**
 * API calls over one WebSocket per page, for the browser host (its only call road). A fetch per keystroke costs the
 * page ~5 ms in Chromium's network stack (measured in the ui-search bench); a message on an open
 * socket costs ~1 ms. Checked: loopback Host, same-origin Origin (browsers
 * do not apply CORS to WebSockets), and the session token, which travels as the second
 * subprotocol because the page's WebSocket cannot set an Authorization header.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { HOST_ROUTES, SOCKET_PROTOCOL } from '../../shared/bridge';
import type { Result } from '../../shared/result';
import { answerCall, readCallEnvelope } from '../call-envelope';

/** Close code for a message that breaks the envelope (RFC 6455 "policy violation"). */
const POLICY_VIOLATION = 1008;

export interface CallSocketOptions {
  maxMessageBytes: number;
  /** True when the Host header names this server's loopback address. */
  hostAllowed(host: string): boolean;
  tokenMatches(given: string | null): boolean;
  call(method: string, input: unknown): Promise<Result<unknown>>;
}

export interface CallSocket {
  /** Handles an HTTP upgrade request; refuses anything but an authorised same-origin socket. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The two subprotocols the page offers: ours and the token. */
function offeredToken(header: string | undefined): string | null {
  const offered = (header ?? '').split(',').map((p) => p.trim());
  return offered.length === 2 && offered[0] === SOCKET_PROTOCOL ? (offered[1] ?? null) : null;
}

export function callSocket(opts: CallSocketOptions): CallSocket {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxMessageBytes,
    perMessageDeflate: false,
    handleProtocols: () => SOCKET_PROTOCOL,
  });

  const serve = (ws: WebSocket): void => {
    // A frame over the size limit or a broken frame: ws closes the socket (1009 / 1002) and
    // reports it here; without a listener the error would end the host process.
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => {
      const envelope = isBinary ? null : readCallEnvelope(data.toString());
      if (!envelope) {
        ws.close(POLICY_VIOLATION, 'Messages are {id, method, input} JSON objects.');
        return;
      }
      void answerCall(envelope, opts.call).then((reply) => {
        if (ws.readyState === ws.OPEN) ws.send(reply);
      });
    });
  };

  return {
    upgrade(req, socket, head) {
      const host = req.headers.host ?? '';
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== HOST_ROUTES.socket || !opts.hostAllowed(host)) return refuse(socket, 404, 'Not Found');
      if (req.headers.origin !== `http://${host}`) return refuse(socket, 403, 'Forbidden');
      if (!opts.tokenMatches(offeredToken(req.headers['sec-websocket-protocol']))) {
        return refuse(socket, 401, 'Unauthorized');
      }
      sockets.handleUpgrade(req, socket, head, serve);
    },
    close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}
