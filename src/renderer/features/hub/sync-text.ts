/** Plain words for the sync state, shared by the header badge and the Team hub screen. */
import type { HubState } from '../../../shared/hub';

export type SyncTone = 'ok' | 'waiting' | 'offline' | 'trouble';

/** "2 min ago", "at 14:05", or "on 2026-12-04" for the last time the hub answered. */
export function sinceText(iso: string | null, now: Date): string {
  if (!iso) return 'never';
  const ms = now.getTime() - Date.parse(iso);
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  const d = new Date(iso);
  if (d.toDateString() === now.toDateString()) return `at ${d.toTimeString().slice(0, 5)}`;
  return `on ${iso.slice(0, 10)}`;
}

export function syncSummary(s: HubState, now: Date): { text: string; detail: string; tone: SyncTone } {
  const parts: string[] = [];
  if (s.syncing) parts.push('Syncing…');
  else if (s.lastError) parts.push('Hub offline');
  else parts.push(`Synced ${sinceText(s.lastSyncAt, now)}`);
  const waiting = s.waiting + s.auditsWaiting;
  if (waiting > 0) parts.push(`${waiting} waiting`);
  const trouble = s.conflicts + s.refused;
  if (trouble > 0) parts.push(`${trouble} conflict${trouble === 1 ? '' : 's'}`);
  if (s.takenBack > 0) parts.push(`${s.takenBack} taken back`);
  const tone: SyncTone = trouble > 0 || s.takenBack > 0 ? 'trouble' : s.lastError ? 'offline' : waiting > 0 ? 'waiting' : 'ok';
  const detail = [
    `Hub ${s.url ?? ''} as ${s.userName ?? ''}.`,
    `Last answered ${sinceText(s.lastSyncAt, now)}.`,
    s.lastError ? `Last attempt: ${s.lastError}` : '',
    waiting > 0 ? `${waiting} changes wait here and go when the hub answers; you can keep working.` : 'Nothing waits to be sent.',
  ]
    .filter(Boolean)
    .join(' ');
  return { text: parts.join(' · '), detail, tone };
}
