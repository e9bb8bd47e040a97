/** A fake browser WebSocket for the call-socket tests: records sends, opens, replies and drops on demand. */
import type { SocketLike } from '../../../src/renderer/lib/socket-channel';

export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: { id: number; method: string; input: unknown }[] = [];
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  close(): void {
    this.readyState = 3;
    this.onclose?.(new Event('close') as CloseEvent);
  }
  accept(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  reply(id: number, result: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify({ id, result }) }));
  }
}

export function fakes() {
  const opened: FakeSocket[] = [];
  const open = (url: string, protocols: string[]) => {
    const s = new FakeSocket(url, protocols);
    opened.push(s);
    return s;
  };
  return { opened, open };
}

