/** Per-workspace settings (not PHI), kept in the encrypted workspace's settings table. */
import type { WorkspaceDb } from '../db/handles';
import { SETTINGS } from '../../../shared/domain';
import { DEFAULT_ACTIVITY_IDLE_MINUTES, DEFAULT_UNIT_WEIGHTS } from '../../../shared/metrics';
import type { UnitWeights } from '../../../shared/productivity';
import { run, value } from '../db/rows';

const IDLE_KEY = 'idle_lock_minutes';

export function readIdleMinutes(db: WorkspaceDb, fallback: number): number {
  const minutes = Number(value<string>(db, 'SELECT value FROM settings WHERE key = ?', IDLE_KEY) ?? NaN);
  return Number.isInteger(minutes) && minutes > 0 ? minutes : fallback;
}

export function writeIdleMinutes(db: WorkspaceDb, minutes: number): void {
  run(db, 'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', IDLE_KEY, String(minutes));
}

const ACTIVITY_IDLE_KEY = 'activity_idle_minutes';

/** Gaps between inputs longer than this are not active time (metrics.ts; default 2 minutes). */
export function readActivityIdleMinutes(db: WorkspaceDb): number {
  const minutes = Number(value<string>(db, 'SELECT value FROM settings WHERE key = ?', ACTIVITY_IDLE_KEY) ?? NaN);
  return Number.isInteger(minutes) && minutes > 0 ? minutes : DEFAULT_ACTIVITY_IDLE_MINUTES;
}

export function writeActivityIdleMinutes(db: WorkspaceDb, minutes: number): void {
  run(db, 'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', ACTIVITY_IDLE_KEY, String(minutes));
}

const WEIGHTS_KEY = 'unit_weights';

/** The weight of a submitted chart per setting: the workspace's own, else the defaults (metrics.ts). */
export function readUnitWeights(db: WorkspaceDb): UnitWeights {
  const stored = value<string>(db, 'SELECT value FROM settings WHERE key = ?', WEIGHTS_KEY);
  if (!stored) return DEFAULT_UNIT_WEIGHTS;
  const parsed = JSON.parse(stored) as Record<string, unknown>;
  const valid = SETTINGS.every((s) => typeof parsed[s] === 'number' && (parsed[s] as number) >= 0);
  return valid ? (parsed as UnitWeights) : DEFAULT_UNIT_WEIGHTS;
}

export function writeUnitWeights(db: WorkspaceDb, weights: UnitWeights): void {
  run(db, 'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', WEIGHTS_KEY, JSON.stringify(weights));
}
