/**
 * The audit trail's head (last seq and hash), sealed outside the database in
 * `audit-head.seal`, so that cutting the trail short, wiping it or putting an older copy of
 * the workspace file in place shows: the database then ends before the sealed head.
 *
 * Two fixed 128-byte slots written in turn (a counter says which is newer), each with an
 * HMAC under the seal key. A write overwrites one slot in place and syncs it: no rename, no
 * new blocks after the file exists, so a crash leaves the other slot intact and a full disk
 * cannot stop a seal once the file is made.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

export interface SealedHead {
  seq: number;
  hash: string;
}

export type SealState = { kind: 'absent' } | { kind: 'damaged' } | { kind: 'sealed'; head: SealedHead; counter: number };

const MAGIC = Buffer.from('CDHS', 'latin1');
const FORMAT = 1;
const SLOT = 128;
const SIGNED = 64;
const MAC_AT = 64;
const HASH_HEX = /^[0-9a-f]{64}$/;

function slotBytes(key: Buffer, counter: number, head: SealedHead): Buffer {
  if (!HASH_HEX.test(head.hash) || !Number.isSafeInteger(head.seq) || head.seq < 0) {
    throw new TypeError('a sealed head needs a seq and a 64-hex hash');
  }
  const slot = Buffer.alloc(SLOT);
  MAGIC.copy(slot, 0);
  slot.writeUInt8(FORMAT, 4);
  slot.writeBigUInt64BE(BigInt(counter), 8);
  slot.writeBigUInt64BE(BigInt(head.seq), 16);
  Buffer.from(head.hash, 'hex').copy(slot, 24);
  crypto.createHmac('sha256', key).update(slot.subarray(0, SIGNED)).digest().copy(slot, MAC_AT);
  return slot;
}

function parseSlot(key: Buffer, slot: Buffer): { counter: number; head: SealedHead } | null {
  if (slot.length !== SLOT || !slot.subarray(0, 4).equals(MAGIC) || slot.readUInt8(4) !== FORMAT) return null;
  const mac = crypto.createHmac('sha256', key).update(slot.subarray(0, SIGNED)).digest();
  if (!crypto.timingSafeEqual(mac, slot.subarray(MAC_AT, MAC_AT + 32))) return null;
  const counter = Number(slot.readBigUInt64BE(8));
  const seq = Number(slot.readBigUInt64BE(16));
  return { counter, head: { seq, hash: slot.subarray(24, 56).toString('hex') } };
}

function newest(key: Buffer, bytes: Buffer): { counter: number; head: SealedHead } | null {
  let best: { counter: number; head: SealedHead } | null = null;
  for (let i = 0; i < 2; i++) {
    const parsed = parseSlot(key, bytes.subarray(i * SLOT, (i + 1) * SLOT));
    if (parsed && (!best || parsed.counter > best.counter)) best = parsed;
  }
  return best;
}

export function readSeal(file: string, key: Buffer): SealState {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  const best = newest(key, bytes);
  return best ? { kind: 'sealed', ...best } : { kind: 'damaged' };
}

/** Makes the seal file with its first head; the file must not exist yet. */
export function createSeal(file: string, key: Buffer, head: SealedHead): void {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, Buffer.concat([slotBytes(key, 1, head), Buffer.alloc(SLOT)]), 0, SLOT * 2, 0);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Seals a newer head. The current slots are read first, so a head older than the sealed one
 * (another process sealed meanwhile) is never written over it.
 */
export function advanceSeal(file: string, key: Buffer, head: SealedHead): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const bytes = Buffer.alloc(SLOT * 2);
    fs.readSync(fd, bytes, 0, SLOT * 2, 0);
    const current = newest(key, bytes);
    if (current && current.head.seq >= head.seq && current.head.hash === head.hash) return;
    if (current && current.head.seq > head.seq) return;
    const counter = (current?.counter ?? 0) + 1;
    fs.writeSync(fd, slotBytes(key, counter, head), 0, SLOT, (counter % 2) * SLOT);
    fs.fdatasyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Replaces the sealed head even when it is older (a restore or an acknowledged re-anchor). */
export function resealAt(file: string, key: Buffer, head: SealedHead): void {
  const state = readSeal(file, key);
  const counter = state.kind === 'sealed' ? state.counter + 1 : 1;
  const fd = fs.openSync(file, fs.existsSync(file) ? 'r+' : 'w', 0o600);
  try {
    if (state.kind !== 'sealed') fs.writeSync(fd, Buffer.alloc(SLOT * 2), 0, SLOT * 2, 0);
    fs.writeSync(fd, slotBytes(key, counter, head), 0, SLOT, (counter % 2) * SLOT);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
