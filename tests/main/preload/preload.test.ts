// Electron cannot run on these machines, so the preload is loaded against a stand-in for the
// two electron objects it touches, to prove what it exposes (and what it does not).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../../../src/shared/api-methods';
import type { CodeDeskBridge } from '../../../src/shared/bridge';
import { IPC_CALL, IPC_EVENT } from '../../../src/shared/ipc-channels';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null }));
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

beforeEach(async () => {
  await import('../../../src/preload/index');
});

describe('preload bridge', () => {
  it('exposes only `codedesk` with one function per contract method and no ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['codedesk']);
    const bridge = exposed.codedesk as CodeDeskBridge;
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onEvent']);
    expect(Object.keys(bridge.api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const fn of Object.values(bridge.api)) expect(typeof fn).toBe('function');
  });

  it('sends each call on the one IPC channel with its method name', async () => {
    const bridge = exposed.codedesk as CodeDeskBridge;
    await bridge.api['charts.get']({ chartId: 'IP-1' });
    expect(invoke).toHaveBeenCalledWith(IPC_CALL, 'charts.get', { chartId: 'IP-1' });
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
});
