import { describe, expect, it } from 'vitest';
import { awaitReply, createSlotBuffer, expectReply, offerReply, replySlot, type ReplySlot } from '../../src/shared/reply-slot';

/**
 * The page's spin and the worker's offer, interleaved deterministically: the fake clock runs the
 * worker's step when the page has spun to a given time, as a second thread would at that moment.
 */
function clock(steps: Record<number, () => void>): () => number {
  let t = 0;
  return () => {
    t += 1;
    steps[t]?.();
    return t;
  };
}

const fresh = (bytes = 1024): ReplySlot => replySlot(createSlotBuffer(bytes));

describe('reply slot', () => {
  it('hands a reply that comes before the deadline to the waiting page, text intact', () => {
    const slot = fresh();
    expectReply(slot, 7);
    const text = JSON.stringify({ ok: true, value: { title: 'Zöster — 帯状疱疹 😷' } });
    let taken = false;
    const outcome = awaitReply(slot, 7, 50, clock({ 5: () => (taken = offerReply(slot, 7, text)) }));
    expect(taken).toBe(true);
    expect(outcome).toBe(text);
  });

  it('gives up at the deadline; a reply that comes later is refused, so it goes as a message', () => {
    const slot = fresh();
    expectReply(slot, 3);
    expect(awaitReply(slot, 3, 10, clock({}))).toBeNull();
    expect(offerReply(slot, 3, '{"ok":true,"value":1}')).toBe(false);
  });

  it('reads a reply the worker claimed just before the deadline, even though the copy ends after it', () => {
    const slot = fresh();
    expectReply(slot, 4);
    const view = slot.control;
    // At t=10 the worker has swapped WAITING to -4 but not yet marked READY: mimic a copy in progress.
    const now = clock({
      10: () => Atomics.compareExchange(view, 0, 4, -4),
      14: () => {
        Atomics.store(view, 0, 4); // let the real offer run its claim on the same id
        offerReply(slot, 4, '"late but claimed"');
      },
    });
    expect(awaitReply(slot, 4, 10, now)).toBe('"late but claimed"');
  });

  it('ignores replies to other calls and a reply for an earlier wait never satisfies a later one', () => {
    const slot = fresh();
    expectReply(slot, 1);
    expect(awaitReply(slot, 1, 5, clock({}))).toBeNull();
    expectReply(slot, 2);
    const now = clock({
      2: () => expect(offerReply(slot, 1, '"one"')).toBe(false),
      4: () => offerReply(slot, 2, '"two"'),
    });
    expect(awaitReply(slot, 2, 50, now)).toBe('"two"');
    // After a read the page waits for nothing: no offer is taken.
    expect(offerReply(slot, 2, '"two again"')).toBe(false);
  });

  it('a reply too large for the slot, or a call that could not be sent, sends the page to the message road', () => {
    const slot = fresh(8);
    expectReply(slot, 9);
    let taken: boolean | null = null;
    expect(awaitReply(slot, 9, 50, clock({ 2: () => (taken = offerReply(slot, 9, '"far more than eight bytes"')) }))).toBeNull();
    expect(taken).toBe(false);
    expectReply(slot, 10);
    expect(awaitReply(slot, 10, 50, clock({ 2: () => (taken = offerReply(slot, 10, null)) }))).toBeNull();
    expect(taken).toBe(false);
  });

  it('stops waiting on a claimed reply whose copy never finishes (a worker that died mid-copy)', () => {
    const slot = fresh();
    expectReply(slot, 5);
    const outcome = awaitReply(slot, 5, 10, clock({ 3: () => Atomics.compareExchange(slot.control, 0, 5, -5) }));
    expect(outcome).toBeNull();
  });
});

describe('reply slot across real threads', () => {
  it('delivers every reply exactly once — by the slot or as a message — when offers race the deadline', async () => {
    const { Worker } = await import('node:worker_threads');
    const ts = (await import('typescript')).default;
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    // The module under test, compiled as it is, so the worker runs the same code as the page.
    const source = fs.readFileSync(path.join(__dirname, '../../src/shared/reply-slot.ts'), 'utf8');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-slot-'));
    const modulePath = path.join(dir, 'reply-slot.mjs');
    fs.writeFileSync(modulePath, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
    const workerCode = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(${JSON.stringify(modulePath)}).then(({ replySlot, offerReply }) => {
        const slot = replySlot(workerData);
        parentPort.on('message', ({ id, delayUs }) => {
          const until = performance.now() + delayUs / 1000;
          while (performance.now() < until) {}
          const text = JSON.stringify({ id, pad: 'x'.repeat(id % 300) });
          if (!offerReply(slot, id, text)) parentPort.postMessage(text);
        });
      });`;
    const buffer = createSlotBuffer(4096);
    const slot = replySlot(buffer);
    const worker = new Worker(workerCode, { eval: true, workerData: buffer });
    const byMessage = new Map<number, string>();
    worker.on('message', (text: string) => byMessage.set((JSON.parse(text) as { id: number }).id, text));
    try {
      await new Promise((r) => setTimeout(r, 200)); // the worker's import
      const bySlot = new Map<number, string>();
      const rounds = 400;
      // Offers land well before, around and after the page's deadline, however loaded the machine.
      const deadlinesMs = [50, 0.3, 0];
      for (let id = 1; id <= rounds; id++) {
        expectReply(slot, id);
        worker.postMessage({ id, delayUs: id % 3 === 2 ? 300 : (id * 37) % 600 });
        const outcome = awaitReply(slot, id, performance.now() + (deadlinesMs[id % 3] ?? 0), () => performance.now());
        if (outcome !== null) bySlot.set(id, outcome);
      }
      await expect.poll(() => bySlot.size + byMessage.size, { timeout: 5000 }).toBe(rounds);
      for (let id = 1; id <= rounds; id++) {
        const text = bySlot.get(id) ?? byMessage.get(id);
        expect(bySlot.has(id) && byMessage.has(id)).toBe(false);
        expect(JSON.parse(text ?? 'null')).toEqual({ id, pad: 'x'.repeat(id % 300) });
      }
      // Both roads were taken: the test exercised the race, not only one side of it.
      expect(bySlot.size).toBeGreaterThan(0);
      expect(byMessage.size).toBeGreaterThan(0);
    } finally {
      await worker.terminate();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
