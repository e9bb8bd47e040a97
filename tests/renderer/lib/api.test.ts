import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodeDeskBridge } from '../../../src/shared/bridge';
import { beginCall, call, detectTransport, onLockedReply, setTransport, subscribe } from '../../../src/renderer/lib/api';
import { browserTransport, takeHostToken } from '../../../src/renderer/lib/browser-transport';

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.codedesk;
  history.replaceState(null, '', '/');
});

describe('browser host token', () => {
  it('is read from the URL, kept in sessionStorage and removed from the address bar', () => {
    history.replaceState(null, '', '/?token=secret-123&x=1#top');
    expect(takeHostToken()).toBe('secret-123');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#top');
    expect(sessionStorage.getItem('codedesk.hostToken')).toBe('secret-123');
    // After a reload the URL no longer has it; sessionStorage does.
    expect(takeHostToken()).toBe('secret-123');
  });

  it('is absent when neither the URL nor sessionStorage has one', () => {
    expect(takeHostToken()).toBeNull();
    expect(detectTransport()).toBeNull();
  });
});

describe('browser transport', () => {
  it('opens one EventSource with the token and dispatches named events', () => {
    const sources: FakeEventSource[] = [];
    class FakeEventSource {
      readonly handlers = new Map<string, (e: MessageEvent) => void>();
      closed = false;
      constructor(readonly url: string) {
        sources.push(this);
      }
      addEventListener(name: string, fn: (e: MessageEvent) => void) {
        this.handlers.set(name, fn);
      }
      close() {
        this.closed = true;
      }
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    const t = browserTransport('a b', () => null);
    const seen: unknown[] = [];
    const off1 = t.subscribe((name, payload) => seen.push([name, payload]));
    const off2 = t.subscribe(() => undefined);
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('/api/events?token=a%20b');
    sources[0]?.handlers.get('session.locked')?.(new MessageEvent('session.locked', { data: '{"reason":"idle"}' }));
    sources[0]?.handlers.get('charts.changed')?.(new MessageEvent('charts.changed', { data: 'not json' }));
    expect(seen).toEqual([['session.locked', { reason: 'idle' }]]);
    off1();
    expect(sources[0]?.closed).toBe(false);
    off2();
    expect(sources[0]?.closed).toBe(true);
  });
});

describe('api client', () => {
  it('takes events from the Electron bridge when window.codedesk exists', () => {
    const onEvent = vi.fn(() => () => undefined);
    window.codedesk = { onEvent } satisfies CodeDeskBridge;
    setTransport(detectTransport());
    subscribe(() => undefined);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('notifies lock listeners when a reply says LOCKED', async () => {
    setTransport({
      call: async () => ({ ok: false, error: { code: 'LOCKED', message: 'CodeDesk is locked.' } }),
      subscribe: () => () => undefined,
    });
    const heard = vi.fn();
    const off = onLockedReply(heard);
    await call('charts.list', {});
    off();
    await call('charts.list', {});
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('turns a throwing transport into an error Result instead of a crash', async () => {
    setTransport({
      call: async () => {
        throw new Error('ipc gone');
      },
      subscribe: () => () => undefined,
    });
    const result = await call('codes.versions', {});
    expect(result.ok).toBe(false);
  });
});

describe('beginCall', () => {
  const locked = { ok: false as const, error: { code: 'LOCKED' as const, message: 'Locked' } };

  it('falls back to a plain call on a transport that cannot hand a reply over', async () => {
    setTransport({ call: async () => ({ ok: true, value: 'plain' }) as never, subscribe: () => () => undefined });
    const begun = beginCall('codes.versions', {});
    expect(begun.take(performance.now() + 10)).toBeNull();
    expect(await begun.result).toEqual({ ok: true, value: 'plain' });
  });

  it('hands a taken reply over as it is and tells lock listeners once, through the settled result', async () => {
    setTransport({
      call: async () => locked as never,
      begin: () => ({ result: Promise.resolve(locked as never), take: () => locked as never }),
      subscribe: () => () => undefined,
    });
    const heard = vi.fn();
    const off = onLockedReply(heard);
    const begun = beginCall('charts.list', {});
    expect(begun.take(performance.now())).toEqual(locked);
    expect(await begun.result).toEqual(locked);
    off();
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('turns a transport that throws on begin into an error Result', async () => {
    setTransport({
      call: async () => ({ ok: true, value: 1 }) as never,
      begin: () => {
        throw new Error('worker gone');
      },
      subscribe: () => () => undefined,
    });
    const begun = beginCall('codes.versions', {});
    expect(begun.take(performance.now())).toBeNull();
    expect((await begun.result).ok).toBe(false);
  });
});
