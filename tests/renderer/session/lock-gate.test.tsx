/** The lock screen's other ways in: recovery (with the throttle's wait), restore, another profile. */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRoute } from '../../../src/renderer/app/route-store';
import { fail, type Handlers } from '../fake-api';
import { coderProfile, lockedStatus, unlockedStatus } from '../fixtures';
import { renderApp } from '../render-app';

async function lockedApp(overrides: Handlers = {}) {
  const api = renderApp(overrides);
  await screen.findByText('Dana Coder · Coder');
  act(() => api.emit('session.locked', { reason: 'idle' }));
  expect(screen.getByRole('heading', { name: 'CodeDesk is locked' })).toBeTruthy();
  return api;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the lock screen', () => {
  it('shows the throttle’s wait and offers the recovery key for the signed-in profile', async () => {
    const api = await lockedApp({
      'session.unlock': () => fail('TOO_MANY_ATTEMPTS', 'Too many wrong passphrases.', { retryAfterSeconds: 60 }),
      'session.recover': () => ({ status: unlockedStatus, recoveryKey: 'RK-NEW' }),
    });
    type('Passphrase', 'wrong wrong wrong');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })));
    expect(screen.getByRole('alert').textContent).toBe('Too many wrong passphrases. Try again in 60 seconds.');

    fireEvent.click(screen.getByRole('button', { name: 'Forgot your passphrase? Use your recovery key' }));
    expect(screen.getByRole('heading', { name: 'Recover with your recovery key' })).toBeTruthy();
    expect(screen.getByText('Dana Coder')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull(); // the unlock's error does not follow
    type('Recovery key', 'RK-OLD');
    type('New passphrase', 'a brand new passphrase');
    type('Confirm new passphrase', 'a brand new passphrase');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Set new passphrase' })));
    expect(api.inputs('session.recover')).toEqual([{ profileId: 'p-1', recoveryKey: 'RK-OLD', newPassphrase: 'a brand new passphrase' }]);
    expect(screen.getByText('RK-NEW')).toBeTruthy();
  });

  it('goes back from recovery to the passphrase box', async () => {
    await lockedApp();
    fireEvent.click(screen.getByRole('button', { name: /Use your recovery key/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to unlock' }));
    expect(screen.getByRole('heading', { name: 'CodeDesk is locked' })).toBeTruthy();
  });

  it('restores a backup by its full path with the passphrase, then says what it did', async () => {
    const api = await lockedApp({
      'workspace.restore': () => ({ status: unlockedStatus, entriesGivenUp: 8, replacedFile: 'workspace.replaced-2026.db', bytes: 2_516_582 }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Restore a backup' }));
    expect(screen.getByRole('heading', { name: 'Restore from a backup' })).toBeTruthy();
    type('Backup file (full path)', 'backups/dana.db');
    type('Passphrase', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(screen.getByRole('alert').textContent).toMatch(/full path/);
    expect(api.inputs('workspace.restore')).toHaveLength(0);

    type('Backup file (full path)', '/media/usb/dana.db');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Restore' })));
    expect(api.inputs('workspace.restore')).toEqual([{ profileId: 'p-1', passphrase: 'correct horse battery', path: '/media/usb/dana.db' }]);
    const result = screen.getByLabelText('Restore result');
    expect(result.textContent).toContain('/media/usb/dana.db');
    expect(result.textContent).toContain('2.4 MB');
    expect(result.textContent).toContain('8 entries recorded after the backup are given up');
    expect(result.textContent).toContain('workspace.replaced-2026.db');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('grid', { name: 'Chart queue' })).toBeTruthy();
  });

  it('a refused restore says why, keeps the path and clears the passphrase', async () => {
    await lockedApp({ 'workspace.restore': () => fail('BAD_INPUT', 'This backup is not a workspace of this profile, or it is damaged.') });
    fireEvent.click(screen.getByRole('button', { name: 'Restore a backup' }));
    type('Backup file (full path)', '/media/usb/other.db');
    type('Passphrase', 'correct horse battery');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Restore' })));
    expect(screen.getByRole('alert').textContent).toBe('This backup is not a workspace of this profile, or it is damaged.');
    expect((screen.getByLabelText('Backup file (full path)') as HTMLInputElement).value).toBe('/media/usb/other.db');
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('grid')).toBeNull();
  });
});

describe('add a profile from the lock screen', () => {
  const supervisor = { ...coderProfile, id: 'p-9', displayName: 'Sam Supervisor', role: 'supervisor' as const };
  const lee = { ...coderProfile, id: 'p-2', displayName: 'Lee Coder' };

  it('adds a coder without approval: its recovery key once, then its own (empty) queue, not the chart that was open', async () => {
    useRoute.getState().openChart('C-00001');
    const api = await lockedApp({
      'profiles.create': () => ({ profile: lee, recoveryKey: 'RK-LEE' }),
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add a profile' })));
    expect(screen.getByRole('heading', { name: 'Add a profile' })).toBeTruthy();
    // No supervisor on this device: only a coder can be added.
    expect((screen.getByRole('option', { name: 'Auditor' }) as HTMLOptionElement).disabled).toBe(true);
    expect(screen.getByText(/Only a coder can be added/)).toBeTruthy();
    type('Display name', 'Lee Coder');
    type('Passphrase', 'violet canyon ledger moss');
    type('Confirm passphrase', 'violet canyon ledger moss');
    api.handlers['session.status'] = () => ({ ...unlockedStatus, profile: lee });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add profile' })));
    expect(api.inputs('profiles.create')).toEqual([{ displayName: 'Lee Coder', role: 'coder', passphrase: 'violet canyon ledger moss' }]);
    expect(screen.getByText('RK-LEE')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'I have saved it' })));
    expect(await screen.findByText('Lee Coder · Coder')).toBeTruthy();
    expect(useRoute.getState().route).toEqual({ view: 'queue' });
  });

  it('an auditor needs a supervisor’s approval: the fields appear and are sent', async () => {
    const api = await lockedApp({
      'profiles.list': () => [coderProfile, supervisor],
      'profiles.create': () => fail('WRONG_PASSPHRASE', 'Wrong passphrase for the approving supervisor.'),
    });
    // The list of profiles (and so the supervisors) is read afresh when the form opens.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add a profile' })));
    type('Display name', 'Ann Auditor');
    type('Role', 'auditor');
    type('Passphrase', 'violet canyon ledger moss');
    type('Confirm passphrase', 'violet canyon ledger moss');
    expect(screen.getByRole('group', { name: 'Approval by a supervisor' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter the approving supervisor’s passphrase.');
    expect(api.inputs('profiles.create')).toHaveLength(0);
    type('Supervisor’s passphrase', 'supervisor pass phrase');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add profile' })));
    expect(api.inputs('profiles.create')).toEqual([
      {
        displayName: 'Ann Auditor',
        role: 'auditor',
        passphrase: 'violet canyon ledger moss',
        approval: { profileId: 'p-9', passphrase: 'supervisor pass phrase' },
      },
    ]);
    expect(screen.getByRole('alert').textContent).toBe('Wrong passphrase for the approving supervisor.');
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Ann Auditor');
  });
});

describe('the unlock screen', () => {
  it('offers adding a profile and restoring next to the profile picker', async () => {
    renderApp({ 'session.status': () => ({ ...lockedStatus, profile: null }) });
    await screen.findByRole('heading', { name: 'Unlock CodeDesk' });
    const links = screen.getByRole('navigation', { name: 'Other ways in' });
    expect([...links.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Add a profile', 'Restore a backup']);
    expect(screen.getByRole('button', { name: 'Forgot your passphrase? Use your recovery key' })).toBeTruthy();
  });
});
