/** Settings from the header: the idle lock (1 to 30 minutes) and a backup of the workspace. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSession } from '../../../src/renderer/features/session/session-store';
import { fail, type Handlers } from '../fake-api';
import { unlockedStatus } from '../fixtures';
import { renderApp } from '../render-app';

async function openSettings(overrides: Handlers = {}) {
  const api = renderApp(overrides);
  await screen.findByRole('grid', { name: 'Chart queue' });
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  return { api, dialog: screen.getByRole('dialog', { name: 'Settings' }) };
}

const minutesBox = () => screen.getByLabelText('Idle minutes before CodeDesk locks') as HTMLInputElement;

describe('settings: the active-time threshold', () => {
  it('saves the minutes after which a pause is not active time', async () => {
    const { api } = await openSettings({ 'settings.setActivityIdle': ({ minutes }) => ({ ...unlockedStatus, activityIdleMinutes: minutes }) });
    const box = screen.getByLabelText('Minutes of pause after which time on a chart stops counting') as HTMLInputElement;
    expect(box.value).toBe('2');
    fireEvent.change(box, { target: { value: '4' } });
    await act(async () => fireEvent.click(within(box.closest('section')!).getByRole('button', { name: 'Save' })));
    expect(api.inputs('settings.setActivityIdle')).toEqual([{ minutes: 4 }]);
    expect(within(box.closest('section')!).getByRole('status').textContent).toBe('Saved: a pause longer than 4 minutes is not counted.');
    expect(useSession.getState().status?.activityIdleMinutes).toBe(4);
  });
});

describe('settings: the idle lock', () => {
  it('shows the current minutes and saves a new value at once, saying so', async () => {
    const { api } = await openSettings({ 'settings.setIdleLock': ({ minutes }) => ({ ...unlockedStatus, idleLockMinutes: minutes }) });
    expect(minutesBox().value).toBe('15');
    fireEvent.change(minutesBox(), { target: { value: '5' } });
    await act(async () => fireEvent.click(within(minutesBox().closest('section')!).getByRole('button', { name: 'Save' })));
    expect(api.inputs('settings.setIdleLock')).toEqual([{ minutes: 5 }]);
    expect(within(screen.getByRole('dialog')).getByRole('status').textContent).toBe('Saved: CodeDesk now locks after 5 idle minutes.');
    expect(useSession.getState().status?.idleLockMinutes).toBe(5);
  });

  it('refuses 0, 31 and fractions without sending them, and keeps what was typed', async () => {
    const { api } = await openSettings();
    for (const value of ['0', '31', '2.5', '']) {
      fireEvent.change(minutesBox(), { target: { value } });
      fireEvent.submit(minutesBox().closest('form')!);
      expect(screen.getByRole('alert').textContent).toBe('Enter a whole number of minutes from 1 to 30.');
      expect(minutesBox().value).toBe(value);
    }
    expect(api.inputs('settings.setIdleLock')).toHaveLength(0);
  });

  it('shows main’s refusal plainly', async () => {
    await openSettings({ 'settings.setIdleLock': () => fail('DISK_FULL', 'Disk full: your last change was not saved.') });
    fireEvent.change(minutesBox(), { target: { value: '10' } });
    await act(async () => fireEvent.submit(minutesBox().closest('form')!));
    expect(screen.getByRole('alert').textContent).toBe('Disk full: your last change was not saved.');
    expect(useSession.getState().status?.idleLockMinutes).toBe(15);
  });
});

describe('settings: back up workspace', () => {
  const pathBox = () => screen.getByLabelText('New backup file (full path)') as HTMLInputElement;

  it('writes a backup to a full path and shows the file, its size and the time', async () => {
    const { api } = await openSettings({ 'workspace.backup': ({ path }) => ({ path, bytes: 812_000, headSeq: 42 }) });
    fireEvent.change(pathBox(), { target: { value: '/media/usb/dana-2026-12-05.db' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Back up' })));
    expect(api.inputs('workspace.backup')).toEqual([{ path: '/media/usb/dana-2026-12-05.db' }]);
    const result = screen.getByLabelText('Backup result');
    expect(result.textContent).toContain('/media/usb/dana-2026-12-05.db');
    expect(result.textContent).toContain('793 KB');
    expect(result.textContent).toMatch(/Written at\d{1,2}:\d{2}/);
  });

  it('refuses a relative path without sending it, and shows main’s refusal of an existing file', async () => {
    const { api } = await openSettings({ 'workspace.backup': () => fail('CONFLICT', 'A file with that name already exists; choose another name.') });
    fireEvent.change(pathBox(), { target: { value: 'dana.db' } });
    fireEvent.click(screen.getByRole('button', { name: 'Back up' }));
    expect(screen.getByRole('alert').textContent).toMatch(/full path/);
    expect(api.inputs('workspace.backup')).toHaveLength(0);
    fireEvent.change(pathBox(), { target: { value: 'C:\\Backups\\dana.db' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Back up' })));
    expect(api.inputs('workspace.backup')).toEqual([{ path: 'C:\\Backups\\dana.db' }]);
    expect(screen.getByRole('alert').textContent).toBe('A file with that name already exists; choose another name.');
    expect(pathBox().value).toBe('C:\\Backups\\dana.db');
  });
});
