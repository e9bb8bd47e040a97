/** Adding a profile on a device that has one: coders freely, reviewers only with a supervisor's approval. */
import { describe, expect, it } from 'vitest';
import { NEEDS_APPROVAL, NO_SUPERVISOR } from '../../../src/main/services/users/profile-approval';
import type { CodeDeskApp } from '../../../src/main/app';
import { call, must, PASSPHRASE, testApp } from '../helpers/app';

const OTHER = 'quiet lantern orchard river';

function creationDetail(app: CodeDeskApp): Record<string, unknown> {
  const row = app.session!.db.prepare("SELECT detail_json FROM audit_log WHERE action = 'profile.create'").get() as { detail_json: string };
  return JSON.parse(row.detail_json) as Record<string, unknown>;
}

describe('profiles.create on a device with profiles', () => {
  it('the first profile takes any role; a second coder needs no approval and gets its own workspace', async () => {
    const app = testApp();
    const sup = await must(app, 'profiles.create', { displayName: 'Sam Supervisor', role: 'supervisor', passphrase: PASSPHRASE });
    await must(app, 'session.lock', {});
    const coder = await must(app, 'profiles.create', { displayName: 'Dana Coder', role: 'coder', passphrase: OTHER });
    expect(app.session?.profile.id).toBe(coder.profile.id);
    expect(creationDetail(app)).toEqual({ role: 'coder' });
    expect((await must(app, 'profiles.list', {})).map((p) => p.displayName)).toEqual(['Dana Coder', 'Sam Supervisor']);
    expect(app.workspacePath(coder.profile.id)).not.toBe(app.workspacePath(sup.profile.id));
  });

  it('refuses an auditor or supervisor without a supervisor’s approval, and makes nothing', async () => {
    const app = testApp();
    const dana = await must(app, 'profiles.create', { displayName: 'Dana Coder', role: 'coder', passphrase: PASSPHRASE });
    await must(app, 'session.lock', {});
    const none = await call(app, 'profiles.create', { displayName: 'Ann Auditor', role: 'auditor', passphrase: OTHER });
    expect(none).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: NO_SUPERVISOR } });
    // A coder's passphrase approves nothing.
    const byCoder = await call(app, 'profiles.create', {
      displayName: 'Ann Auditor',
      role: 'supervisor',
      passphrase: OTHER,
      approval: { profileId: dana.profile.id, passphrase: PASSPHRASE },
    });
    expect(byCoder).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await must(app, 'profiles.list', {})).map((p) => p.displayName)).toEqual(['Dana Coder']);
  });

  it('with a supervisor: no approval or a wrong passphrase is refused; the right one creates it, on the new trail', async () => {
    const app = testApp();
    const sup = await must(app, 'profiles.create', { displayName: 'Sam Supervisor', role: 'supervisor', passphrase: PASSPHRASE });
    await must(app, 'session.lock', {});
    const input = { displayName: 'Ann Auditor', role: 'auditor' as const, passphrase: OTHER };
    expect(await call(app, 'profiles.create', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: NEEDS_APPROVAL } });
    const wrong = await call(app, 'profiles.create', { ...input, approval: { profileId: sup.profile.id, passphrase: 'not the right one at all' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase for the approving supervisor.' } });
    expect(await must(app, 'profiles.list', {})).toHaveLength(1);

    const made = await must(app, 'profiles.create', { ...input, approval: { profileId: sup.profile.id, passphrase: PASSPHRASE } });
    expect(made.profile.role).toBe('auditor');
    expect(creationDetail(app)).toEqual({ role: 'auditor', approvedBy: sup.profile.id });
  });
});

describe('settings.setIdleLock', () => {
  it('takes 1 to 30 minutes; anything else is refused with the range and changes nothing', async () => {
    const app = testApp();
    await must(app, 'profiles.create', { displayName: 'Dana', role: 'coder', passphrase: PASSPHRASE });
    for (const minutes of [0, 31, 240, 1.5]) {
      const res = await call(app, 'settings.setIdleLock', { minutes });
      expect(res).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    const over = await call(app, 'settings.setIdleLock', { minutes: 31 });
    if (!over.ok) expect(over.error.message).toMatch(/1 to 30 minutes/);
    expect((await must(app, 'session.status', {})).idleLockMinutes).toBe(15);
    const changes = app.session!.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.change'").get() as { n: number };
    expect(changes.n).toBe(0);
    expect((await must(app, 'settings.setIdleLock', { minutes: 30 })).idleLockMinutes).toBe(30);
    expect((await must(app, 'settings.setIdleLock', { minutes: 1 })).idleLockMinutes).toBe(1);
  });
});
