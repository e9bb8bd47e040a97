/**
 * A one-reply mailbox in shared memory between the page and its call worker, so the page can
 * wait a few milliseconds for a search reply inside the keystroke's own task and paint the
 * results in the same frame as the typed character (a reply that arrives as a message can only
 * paint one frame later). The page never waits past its deadline: the wait is bounded.
 *
 * Protocol (Int32 control words, then the reply's UTF-8 bytes):
 * - WAITING: the call id the page is waiting for (0 = none). The worker claims it by swapping
 *   id for -id; the page gives up by swapping id for 0. Exactly one of the two swaps wins, so a
 *   reply is either written and read here, or delivered as an ordinary message — never both,
 *   never lost.
 * - READY: the id whose outcome is in the slot; LENGTH: its byte count, or GO_ASYNC when the
 *   reply cannot come this way (too large, socket not open, socket dropped).
 */

const WAITING = 0;
const READY = 1;
const LENGTH = 2;
const HEADER_BYTES = 16;
const GO_ASYNC = -1;

export const DEFAULT_SLOT_BYTES = 1024 * 1024;
/** How long past its deadline the page waits on a claimed reply before deciding the worker died mid-copy. */
const CLAIMED_GRACE_MS = 100;

export interface ReplySlot {
  readonly control: Int32Array;
  readonly bytes: Uint8Array;
}

export function createSlotBuffer(replyBytes: number = DEFAULT_SLOT_BYTES): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + replyBytes);
}

export function replySlot(buffer: SharedArrayBuffer): ReplySlot {
  return { control: new Int32Array(buffer, 0, HEADER_BYTES / 4), bytes: new Uint8Array(buffer, HEADER_BYTES) };
}

/** Page: announce the call it is about to wait for (before the call is sent). */
export function expectReply(slot: ReplySlot, id: number): void {
  Atomics.store(slot.control, WAITING, id);
}

/** What a bounded wait ended with: the reply's JSON text, or null (it will come as a message). */
export type WaitOutcome = string | null;

/**
 * Page: spins until the worker has written call `id`'s outcome or `deadline` (on `now`'s clock)
 * has passed. A reply the worker has already claimed is always read, even past the deadline:
 * it is being copied at that moment and will not be sent any other way.
 */
export function awaitReply(slot: ReplySlot, id: number, deadline: number, now: () => number): WaitOutcome {
  const { control } = slot;
  while (Atomics.load(control, READY) !== id) {
    if (now() < deadline) continue;
    if (Atomics.compareExchange(control, WAITING, id, 0) === id) return null;
    // Claimed by the worker just now: its copy finishes in microseconds.
    const grace = now() + CLAIMED_GRACE_MS;
    while (Atomics.load(control, READY) !== id) if (now() > grace) return null;
  }
  Atomics.store(control, WAITING, 0);
  const length = Atomics.load(control, LENGTH);
  if (length === GO_ASYNC) return null;
  // TextDecoder refuses views of shared memory: copy out first.
  const copy = new Uint8Array(length);
  copy.set(slot.bytes.subarray(0, length));
  return new TextDecoder().decode(copy);
}

/**
 * Worker: offers call `id`'s outcome to a waiting page. Returns true when the page takes it from
 * the slot (then it must not be posted as a message too); false when the page is not waiting for
 * `id` (gave up, or never waited) and the reply goes as a message. `text` null = go async.
 */
export function offerReply(slot: ReplySlot, id: number, text: string | null): boolean {
  const { control, bytes } = slot;
  if (Atomics.compareExchange(control, WAITING, id, -id) !== id) return false;
  let length = GO_ASYNC;
  if (text !== null) {
    // Chromium will not encode into shared memory: encode, then copy.
    const encoded = new TextEncoder().encode(text);
    if (encoded.length <= bytes.length) {
      bytes.set(encoded);
      length = encoded.length;
    }
  }
  Atomics.store(control, LENGTH, length);
  Atomics.store(control, READY, id);
  return length !== GO_ASYNC;
}
