// Electron cannot run on these machines, so the preload is loaded against a stand-in for the
// two electron objects it touches, to prove what it exposes (and what it does not).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES } from '../../../src/shared/api-methods';
import type { CodeDeskBridge } from '../../../src/shared/bridge';
import { APP_ORIGIN, CALL_PORT_MESSAGE, IPC_CALL_PORT, IPC_EVENT } from '../../../src/shared/ipc-channels';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    on: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

const posted = vi.fn();
beforeEach(async () => {
  vi.stubGlobal('postMessage', posted);
  await import('../../../src/preload/index');
});
afterEach(() => vi.unstubAllGlobals());

describe('preload bridge', () => {
  it('exposes only `codedesk` with an event subscription: no ipcRenderer, no call functions', () => {
    expect(Object.keys(exposed)).toEqual(['codedesk']);
    expect(Object.keys(exposed.codedesk as CodeDeskBridge)).toEqual(['onEvent']);
  });

  it('forwards only known events and unsubscribes', () => {
    const bridge = exposed.codedesk as CodeDeskBridge;
    const seen: string[] = [];
    const off = bridge.onEvent((name) => seen.push(name));
    const forward = listeners.get(IPC_EVENT)!;
    forward({}, EVENT_NAMES[0], { reason: 'idle' });
    forward({}, 'evil.event', {});
    expect(seen).toEqual([EVENT_NAMES[0]]);
    off();
    expect(listeners.has(IPC_EVENT)).toBe(false);
  });

  it("posts the call port to the app's own origin, never to '*'", () => {
    const port = { postMessage: () => undefined };
    listeners.get(IPC_CALL_PORT)!({ ports: [port] });
    expect(posted).toHaveBeenCalledTimes(1);
    expect(posted).toHaveBeenCalledWith(CALL_PORT_MESSAGE, APP_ORIGIN, [port]);
    listeners.get(IPC_CALL_PORT)!({ ports: [] });
    expect(posted).toHaveBeenCalledTimes(1);
  });
});
