/** The Packages screen: make a package for a chosen profile, apply a result, resolve a conflict with both versions shown. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSession } from '../../../src/renderer/features/session/session-store';
import type { PackageConflict, ProfileCardInfo } from '../../../src/shared/packages';
import { fail, type Handlers } from '../fake-api';
import { unlockedStatus } from '../fixtures';
import { renderApp } from '../render-app';

const dana: ProfileCardInfo = { profileId: 'dana', displayName: 'Dana Coder', role: 'coder', fingerprint: 'ab12 '.repeat(15) + 'ab12', source: 'local' };
const lee: ProfileCardInfo = { profileId: 'lee', displayName: 'Lee Lead', role: 'supervisor', fingerprint: 'cd34 '.repeat(15) + 'cd34', source: 'local' };
const state = (code: string) => ({ status: 'in_progress' as const, holdReason: null, holdNote: null, version: 1, coding: { diagnoses: [{ code, poa: 'Y' as const }], procedures: [] }, submissions: [] });
const conflict: PackageConflict = { id: 7, chartId: 'IP-260102', packageId: 'p1', from: 'Dana Coder', createdAt: '2026-12-01T00:00:00Z', home: state('E11.9'), package: state('I21.4') };

async function openPackages(handlers: Handlers, role: 'supervisor' | 'coder' = 'supervisor') {
  const api = renderApp({
    'session.status': () => ({ ...unlockedStatus, profile: { ...unlockedStatus.profile!, role } }),
    'packages.recipients': () => ({ self: lee, recipients: [dana] }),
    'packages.conflicts': () => [conflict],
    ...handlers,
  });
  await screen.findByRole('grid', { name: 'Chart queue' });
  useSession.setState({ status: { ...unlockedStatus, profile: { ...unlockedStatus.profile!, role } } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Packages' })));
  return { api, main: await screen.findByRole('main', { name: 'Packages' }) };
}

describe('the Packages screen', () => {
  it('makes a package of the typed charts for the chosen profile, showing its fingerprint', async () => {
    const { api, main } = await openPackages({
      'packages.create': () => ({ packageId: 'p1', path: '/tmp/w.cdpkg', bytes: 10, charts: 2, seq: 1, expiresAt: '2026-12-20T00:00:00.000Z', codeSets: [], recipient: dana }),
    });
    const make = within(main).getByRole('region', { name: 'Make a work package' });
    fireEvent.change(within(make).getByLabelText('For'), { target: { value: 'dana' } });
    expect(within(make).getByText(dana.fingerprint)).toBeTruthy();
    fireEvent.change(within(make).getByLabelText('Chart ids (comma separated; empty: by status)'), { target: { value: 'IP-260102, ED-260301' } });
    fireEvent.change(within(make).getByLabelText('Package file to write (full path)'), { target: { value: '/tmp/w.cdpkg' } });
    await act(async () => fireEvent.click(within(make).getByRole('button', { name: 'Make package' })));
    expect(api.inputs('packages.create')).toEqual([{ chartIds: ['IP-260102', 'ED-260301'], recipientId: 'dana', expiresDays: 14, path: '/tmp/w.cdpkg' }]);
    expect(within(make).getByRole('status').textContent).toBe('Package for Dana Coder: 2 charts, expires 2026-12-20.');
  });

  it('shows a refused result package’s reason plainly', async () => {
    const { main } = await openPackages({ 'packages.apply': () => fail('PACKAGE_REFUSED', 'This package file is damaged or was altered after it was made: nothing was changed. Ask for a new copy.') });
    const apply = within(main).getByRole('region', { name: 'Apply a result package' });
    fireEvent.change(within(apply).getByLabelText('Result file (full path)'), { target: { value: '/tmp/r.cdpkg' } });
    await act(async () => fireEvent.click(within(apply).getByRole('button', { name: 'Apply result' })));
    expect(within(apply).getByRole('alert').textContent).toMatch(/damaged or was altered/);
  });

  it('lists a conflict with both versions side by side and resolves it with Take package', async () => {
    const { api, main } = await openPackages({ 'packages.resolve': () => ({ chartId: 'IP-260102' }) });
    const item = within(main).getByRole('listitem', { name: 'Conflict on IP-260102' });
    expect(item.textContent).toContain('E11.9');
    expect(item.textContent).toContain('I21.4');
    await act(async () => fireEvent.click(within(item).getByRole('button', { name: 'Take package' })));
    expect(api.inputs('packages.resolve')).toEqual([{ conflictId: 7, keep: 'package' }]);
  });

  it('offers a coder opening and returning, not making or applying', async () => {
    const { main } = await openPackages({}, 'coder');
    expect(within(main).getByRole('region', { name: 'Open a work package' })).toBeTruthy();
    expect(within(main).getByRole('region', { name: 'Return results' })).toBeTruthy();
    expect(within(main).queryByRole('region', { name: 'Make a work package' })).toBeNull();
    expect(within(main).queryByRole('region', { name: 'Conflicts' })).toBeNull();
  });
});
