import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail } from '../fake-api';
import { coderProfile, lockedStatus, unlockedStatus } from '../fixtures';
import { renderApp } from '../render-app';

const noSession = { ...lockedStatus, profile: null };

function fillProfile(name: string, passphrase: string, confirm: string) {
  fireEvent.change(screen.getByLabelText('Display name'), { target: { value: name } });
  fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'auditor' } });
  fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: passphrase } });
  fireEvent.change(screen.getByLabelText('Confirm passphrase'), { target: { value: confirm } });
}

describe('create your profile', () => {
  it('is shown when no profile exists, and says the passphrase needs 12 characters', async () => {
    renderApp({ 'session.status': () => noSession, 'profiles.list': () => [] });
    expect(await screen.findByRole('heading', { name: 'Create your profile' })).toBeTruthy();
    expect(screen.getByText(/At least 12 characters/)).toBeTruthy();
  });

  it('refuses a short passphrase with a clear message and sends nothing', async () => {
    const api = renderApp({ 'session.status': () => noSession, 'profiles.list': () => [] });
    await screen.findByRole('heading', { name: 'Create your profile' });
    fillProfile('Dana', 'short pass', 'short pass');
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    expect(screen.getByRole('alert').textContent).toMatch(/at least 12 characters \(it has 10\)/);
    expect(api.inputs('profiles.create')).toHaveLength(0);
    // Nothing typed is lost.
    expect((screen.getByLabelText('Display name') as HTMLInputElement).value).toBe('Dana');
  });

  it('refuses mismatched passphrases and an empty name', async () => {
    const api = renderApp({ 'session.status': () => noSession, 'profiles.list': () => [] });
    await screen.findByRole('heading', { name: 'Create your profile' });
    fillProfile('Dana', 'correct horse battery', 'correct horse batterx');
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    expect(screen.getByRole('alert').textContent).toBe('The two passphrases do not match.');
    fillProfile('   ', 'correct horse battery', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter your display name.');
    expect(api.inputs('profiles.create')).toHaveLength(0);
  });

  it('creates the profile, shows the recovery key once, then opens the app', async () => {
    let created = false;
    const api = renderApp({
      'session.status': () => (created ? unlockedStatus : noSession),
      'profiles.list': () => [],
      'profiles.create': () => {
        created = true;
        return { profile: coderProfile, recoveryKey: 'RK-1234-5678-ABCD' };
      },
      'charts.list': () => ({ rows: [], total: 0 }),
    });
    await screen.findByRole('heading', { name: 'Create your profile' });
    fillProfile('Dana Coder', 'correct horse battery', 'correct horse battery');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create profile' })));
    expect(api.inputs('profiles.create')).toEqual([{ displayName: 'Dana Coder', role: 'auditor', passphrase: 'correct horse battery' }]);
    expect(screen.getByText('RK-1234-5678-ABCD')).toBeTruthy();
    expect(screen.getByText(/it is shown once/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'I have saved it' })));
    expect(screen.queryByText('RK-1234-5678-ABCD')).toBeNull();
    expect(await screen.findByRole('button', { name: 'Load demo workspace' })).toBeTruthy();
  });

  it('shows the service error plainly and keeps the form filled', async () => {
    renderApp({
      'session.status': () => noSession,
      'profiles.list': () => [],
      'profiles.create': () => fail('BAD_INPUT', 'A profile with this name already exists.'),
    });
    await screen.findByRole('heading', { name: 'Create your profile' });
    fillProfile('Dana', 'correct horse battery', 'correct horse battery');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Create profile' })));
    expect(screen.getByRole('alert').textContent).toBe('A profile with this name already exists.');
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).value).toBe('correct horse battery');
  });

  it('shows the estimator’s feedback as the passphrase is typed, and refuses a weak one without sending it', async () => {
    const api = renderApp({ 'session.status': () => noSession, 'profiles.list': () => [] });
    await screen.findByRole('heading', { name: 'Create your profile' });
    fillProfile('Dana Coder', 'aaaaaaaaaaaa', 'aaaaaaaaaaaa');
    expect(await screen.findByText(/Repeated characters like "aaa" are easy to guess/, {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^This passphrase is too easy to guess\./);
    expect(api.inputs('profiles.create')).toHaveLength(0);

    fillProfile('Dana Coder', 'dana coder dana coder', 'dana coder dana coder'); // the name, twice
    expect(await screen.findByText(/too easy to guess/, { selector: '.field-hint' }, { timeout: 5_000 })).toBeTruthy();
    fillProfile('Dana Coder', 'correct horse battery', 'correct horse battery');
    expect(await screen.findByText('Hard enough to guess.', {}, { timeout: 5_000 })).toBeTruthy();
  });
});
