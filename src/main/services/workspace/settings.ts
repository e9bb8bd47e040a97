/** Per-workspace settings (not PHI), kept in the encrypted workspace's settings table. */
import type { WorkspaceDb } from '../db/handles';
import { run, value } from '../db/rows';

const IDLE_KEY = 'idle_lock_minutes';

export function readIdleMinutes(db: WorkspaceDb, fallback: number): number {
  const minutes = Number(value<string>(db, 'SELECT value FROM settings WHERE key = ?', IDLE_KEY) ?? NaN);
  return Number.isInteger(minutes) && minutes > 0 ? minutes : fallback;
}

export function writeIdleMinutes(db: WorkspaceDb, minutes: number): void {
  run(db, 'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', IDLE_KEY, String(minutes));
}
