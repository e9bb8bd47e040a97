/** The Team hub panels over a fake API: the sync words, sign-in (password cleared either way), check-out, assigning. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HubCheckoutPanel } from '../../../src/renderer/features/hub/HubCheckoutPanel';
import { HubQueuePanel } from '../../../src/renderer/features/hub/HubQueuePanel';
import { HubSignIn } from '../../../src/renderer/features/hub/HubSignIn';
import { useHub } from '../../../src/renderer/features/hub/hub-store';
import { sinceText, syncSummary } from '../../../src/renderer/features/hub/sync-text';
import type { HubQueueChart, HubState } from '../../../src/shared/hub';
import { fail, installFakeApi } from '../fake-api';

const NOW = new Date('2026-12-06T15:00:00Z');
const linked: HubState = {
  linked: true, url: 'https://hub.example.org', userName: 'Dana', role: 'coder', lastSyncAt: '2026-12-06T14:58:00Z', lastAttemptAt: '2026-12-06T14:58:00Z',
  lastError: null, waiting: 0, auditsWaiting: 0, conflicts: 0, refused: 0, open: 3, firstLeaseEnds: '2026-12-09T15:00:00.000Z', takenBack: 0, syncing: false,
};
const chart = (id: string, status: HubQueueChart['status']): HubQueueChart => ({
  id, setting: 'inpatient', serviceDate: '2026-11-02', status, assigneeId: null, assigneeName: null, pool: null, epoch: 0, leaseUserId: null, leaseUserName: null, leaseExpiresAt: null, submittedAt: null,
});

describe('the sync words', () => {
  it('says when the hub last answered, what waits, and what needs a person', () => {
    expect(sinceText(null, NOW)).toBe('never');
    expect(sinceText('2026-12-06T14:59:30Z', NOW)).toBe('just now');
    expect(sinceText('2026-12-06T14:48:00Z', NOW)).toBe('12 min ago');
    expect(sinceText('2026-12-04T10:00:00Z', NOW)).toBe('on 2026-12-04');
    expect(syncSummary(linked, NOW)).toMatchObject({ text: 'Synced 2 min ago', tone: 'ok' });
    expect(syncSummary({ ...linked, waiting: 4 }, NOW)).toMatchObject({ text: 'Synced 2 min ago · 4 waiting', tone: 'waiting' });
    const offline = syncSummary({ ...linked, waiting: 4, lastError: 'The hub at hub.example.org cannot be reached just now.' }, NOW);
    expect(offline).toMatchObject({ text: 'Hub offline · 4 waiting', tone: 'offline' });
    expect(offline.detail).toMatch(/you can keep working/);
    expect(syncSummary({ ...linked, conflicts: 1, refused: 1 }, NOW)).toMatchObject({ text: 'Synced 2 min ago · 2 conflicts', tone: 'trouble' });
    expect(syncSummary({ ...linked, syncing: true }, NOW).text).toBe('Syncing…');
    expect(syncSummary({ ...linked, takenBack: 2 }, NOW)).toMatchObject({ text: 'Synced 2 min ago · 2 taken back', tone: 'trouble' });
  });
});

describe('the Team hub panels', () => {
  it('signs in, and on a refusal shows the reason and clears the password', async () => {
    let answer: HubState | ReturnType<typeof fail> = fail('UNAUTHORIZED', 'Wrong user name or password. Sign in to the hub again.');
    const api = installFakeApi({ 'hub.signIn': () => answer });
    useHub.setState({ state: null });
    render(<HubSignIn />);
    fireEvent.change(screen.getByLabelText('Hub address'), { target: { value: 'https://hub.example.org' } });
    fireEvent.change(screen.getByLabelText('Hub user name'), { target: { value: 'Dana' } });
    fireEvent.change(screen.getByLabelText('Hub password'), { target: { value: 'wrong' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    expect(screen.getByRole('alert').textContent).toMatch(/Wrong user name or password/);
    expect((screen.getByLabelText('Hub password') as HTMLInputElement).value).toBe('');
    answer = linked;
    fireEvent.change(screen.getByLabelText('Hub password'), { target: { value: 'right' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' })));
    expect(api.inputs('hub.signIn')).toEqual([
      { url: 'https://hub.example.org', user: 'Dana', password: 'wrong' },
      { url: 'https://hub.example.org', user: 'Dana', password: 'right' },
    ]);
    expect(useHub.getState().state).toEqual(linked);
  });

  it('checks charts out and says what arrived', async () => {
    const api = installFakeApi({ 'hub.checkout': () => ({ imported: 3, renewed: 1, clashing: 0, chartIds: ['A', 'B', 'C', 'D'] }), 'hub.status': () => linked });
    render(<HubCheckoutPanel />);
    fireEvent.change(screen.getByLabelText('How many'), { target: { value: '0' } });
    expect((screen.getByRole('button', { name: 'Check out charts' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('How many'), { target: { value: '4' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Check out charts' })));
    expect(api.inputs('hub.checkout')).toEqual([{ count: 4 }]);
    expect(screen.getByRole('status').textContent).toBe('3 charts checked out to this computer. 1 already here leased to you again (your work on them is kept).');
  });

  it('lets a supervisor assign only charts that can be assigned, to a coder or a pool', async () => {
    const api = installFakeApi({
      'hub.queue': () => ({ total: 3, charts: [chart('C-1', 'unassigned'), chart('C-2', 'unassigned'), chart('C-3', 'leased')] }),
      'hub.users': () => [{ id: 'U-1', name: 'Dana', role: 'coder', disabled: false }, { id: 'U-9', name: 'Sue', role: 'supervisor', disabled: false }],
      'hub.assign': (input) => ({ assigned: input.chartIds.length }),
    });
    await act(async () => render(<HubQueuePanel />));
    expect(screen.queryByLabelText('Choose C-3')).toBeNull(); // checked out: take it back first
    expect(screen.getByRole('button', { name: 'Take back' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Sue/ })).toBeNull(); // charts go to coders, not supervisors
    fireEvent.click(screen.getByLabelText('Choose every assignable chart shown'));
    fireEvent.change(screen.getByLabelText('Assign to'), { target: { value: 'pool:emergency' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Assign' })));
    expect(api.inputs('hub.assign')).toEqual([{ chartIds: ['C-1', 'C-2'], pool: 'emergency' }]);
    expect(screen.getByRole('status').textContent).toBe('2 charts assigned to the Emergency pool.');
  });
});
