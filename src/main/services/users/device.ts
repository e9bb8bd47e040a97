/**
 * The device id stamped on every audit entry (HIPAA unique identification is user + device).
 * Made once per home and never changed: a new id would split one machine's history in two.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/result';
import { createFileOnce } from '../vault/atomic-write';

const DEVICE_ID_PATTERN = /^[0-9a-f-]{36}$/;

function readDeviceId(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const id = (JSON.parse(text) as { deviceId?: unknown }).deviceId;
    if (typeof id === 'string' && DEVICE_ID_PATTERN.test(id)) return id;
  } catch {
    // reported below
  }
  // Not regenerated: that would silently change the identity recorded in every audit trail.
  throw new AppFailure('INTERNAL', 'The device identity file (device.json) is damaged.');
}

export function deviceId(home: string): string {
  const file = path.join(home, 'device.json');
  const existing = readDeviceId(file);
  if (existing) return existing;
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const fresh = crypto.randomUUID();
  const record = `${JSON.stringify({ version: 1, deviceId: fresh, createdAt: new Date().toISOString() })}\n`;
  if (createFileOnce(file, record)) return fresh;
  // Another process created it first: theirs wins.
  const winner = readDeviceId(file);
  if (!winner) throw new AppFailure('INTERNAL', 'The device identity file (device.json) is damaged.');
  return winner;
}
