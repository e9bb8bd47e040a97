import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lockOnOsEvents } from '../../../src/main/electron/os-lock';
import { must, PASSPHRASE, testApp } from '../helpers/app';

describe('Electron OS-lock wiring', () => {
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
