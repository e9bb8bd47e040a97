/** Per-workspace settings (not PHI), kept in the encrypted workspace's settings table. */
import type Database from 'better-sqlite3-multiple-ciphers';

const IDLE_KEY = 'idle_lock_minutes';

export function readIdleMinutes(db: Database.Database, fallback: number): number {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(IDLE_KEY) as { value: string } | undefined;
  const minutes = row ? Number(row.value) : NaN;
  return Number.isInteger(minutes) && minutes > 0 ? minutes : fallback;
}

export function writeIdleMinutes(db: Database.Database, minutes: number): void {
  db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    IDLE_KEY,
    String(minutes),
  );
}
