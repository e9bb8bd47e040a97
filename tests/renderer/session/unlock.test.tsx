import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail } from '../fake-api';
import { coderProfile, lockedStatus, unlockedStatus } from '../fixtures';
import { renderApp } from '../render-app';

const auditor = { ...coderProfile, id: 'p-2', displayName: 'Sam Auditor', role: 'auditor' as const };

describe('unlock', () => {
  it('lets the coder choose a profile and unlock it with the passphrase', async () => {
    const api = renderApp({
      'session.status': () => ({ ...lockedStatus, profile: null }),
      'profiles.list': () => [coderProfile, auditor],
    });
    expect(await screen.findByRole('heading', { name: 'Unlock CodeDesk' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'p-1' } });
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'correct horse battery' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })));
    expect(api.inputs('session.unlock')).toEqual([{ profileId: 'p-1', passphrase: 'correct horse battery' }]);
    expect(await screen.findByRole('grid', { name: 'Chart queue' })).toBeTruthy();
    expect(screen.getByText('Dana Coder · Coder')).toBeTruthy();
  });

  it('shows a wrong passphrase and the retry-after delay plainly', async () => {
    renderApp({
      'session.status': () => ({ ...lockedStatus, profile: null }),
      'session.unlock': () => fail('TOO_MANY_ATTEMPTS', 'Too many wrong passphrases.', { retryAfterSeconds: 30 }),
    });
    await screen.findByRole('heading', { name: 'Unlock CodeDesk' });
    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'wrong wrong wrong' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })));
    expect(screen.getByRole('alert').textContent).toBe('Too many wrong passphrases. Try again in 30 seconds.');
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('offers recovery with the recovery key, which issues a new key shown once', async () => {
    const api = renderApp({
      'session.status': () => ({ ...lockedStatus, profile: null }),
      'session.recover': () => ({ status: unlockedStatus, recoveryKey: 'RK-NEW' }),
    });
    await screen.findByRole('heading', { name: 'Unlock CodeDesk' });
    fireEvent.click(screen.getByRole('button', { name: /Use your recovery key/ }));
    fireEvent.change(screen.getByLabelText('Recovery key'), { target: { value: 'RK-OLD' } });
    fireEvent.change(screen.getByLabelText('New passphrase'), { target: { value: 'a brand new passphrase' } });
    fireEvent.change(screen.getByLabelText('Confirm new passphrase'), { target: { value: 'a brand new passphrase' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Set new passphrase' })));
    expect(api.inputs('session.recover')).toEqual([{ profileId: 'p-1', recoveryKey: 'RK-OLD', newPassphrase: 'a brand new passphrase' }]);
    expect(screen.getByText('RK-NEW')).toBeTruthy();
  });

  it('checks the new passphrase of a recovery as it is typed, and does not send a weak one', async () => {
    const api = renderApp({ 'session.status': () => ({ ...lockedStatus, profile: null }) });
    await screen.findByRole('heading', { name: 'Unlock CodeDesk' });
    fireEvent.click(screen.getByRole('button', { name: /Use your recovery key/ }));
    fireEvent.change(screen.getByLabelText('Recovery key'), { target: { value: 'RK-OLD' } });
    fireEvent.change(screen.getByLabelText('New passphrase'), { target: { value: 'password1234' } });
    fireEvent.change(screen.getByLabelText('Confirm new passphrase'), { target: { value: 'password1234' } });
    expect(await screen.findByText(/similar to a commonly used password/, {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set new passphrase' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^This passphrase is too easy to guess\./);
    expect(api.inputs('session.recover')).toHaveLength(0);
  });

  it('says plainly when the service cannot be reached', async () => {
    renderApp({ 'session.status': () => fail('INTERNAL', 'CodeDesk could not open its data folder.') });
    expect((await screen.findByRole('alert')).textContent).toBe('CodeDesk could not open its data folder.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
