import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventMap } from '../../../src/shared/contract';
import { must, PASSPHRASE, testApp } from '../helpers/app';

afterEach(() => {
  vi.useRealTimers();
});

describe('automatic lock after idle time', () => {
  it('locks after the configured idle minutes, unless the coder is active, and says why', async () => {
    const app = testApp();
    const { profile } = await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    await must(app, 'settings.setIdleLock', { minutes: 10 });
    await must(app, 'session.lock', {});
    const locks: EventMap['session.locked'][] = [];
    app.events.on((name, payload) => {
      if (name === 'session.locked') locks.push(payload as EventMap['session.locked']);
    });

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await must(app, 'session.unlock', { profileId: profile.id, passphrase: PASSPHRASE });
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect((await must(app, 'session.activity', {})).lockInSeconds).toBe(600);
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(app.session).not.toBeNull();
    await vi.advanceTimersByTimeAsync(60_000 + 1_000);
    expect(app.session).toBeNull();
    expect(locks).toEqual([{ reason: 'idle' }]);
  });
});
