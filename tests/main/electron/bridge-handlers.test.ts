import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createCallHandler, lockOnOsEvents } from '../../../src/main/electron/bridge-handlers';
import { APP_ORIGIN } from '../../../src/shared/ipc-channels';
import { must, PASSPHRASE, testApp } from '../helpers/app';

describe('Electron IPC and OS-lock wiring', () => {
  it('answers API calls from the app frame and refuses other senders before touching the API', async () => {
    const app = testApp();
    const handle = createCallHandler(app);
    const own = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };
    expect(await handle(own, 'profiles.list', {})).toEqual({ ok: true, value: [] });
    const foreign = await handle({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'profiles.create', {
      displayName: 'Mallory',
      role: 'supervisor',
      passphrase: PASSPHRASE,
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle({ senderFrame: null }, 'profiles.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle(own, 42, {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await must(app, 'profiles.list', {})).toEqual([]);
  });

  it('locks CodeDesk when the OS locks the screen or suspends', async () => {
    const app = testApp();
    await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    const monitor = new EventEmitter();
    lockOnOsEvents(monitor, app);
    const reasons: string[] = [];
    app.events.on((name, payload) => {
      if (name === 'session.locked') reasons.push((payload as { reason: string }).reason);
    });
    monitor.emit('lock-screen');
    expect(app.session).toBeNull();
    expect(reasons).toEqual(['os']);
  });
});
