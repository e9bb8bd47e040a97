/**
 * The renderer's one door to the main process. Stores and hooks call `call()`; leaf
 * components never do. The transport is chosen at start (Electron bridge or browser host)
 * and can be replaced by tests with `setTransport`.
 */
import type { EventListener } from '../../shared/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { ErrorCode, err, type Result } from '../../shared/result';
import { browserTransport, takeHostToken } from './browser-transport';
import { electronTransport } from './electron-transport';
import { unreachable } from './errors';
import type { BegunCall, Transport } from './transport';

export type { Transport } from './transport';

let transport: Transport | null = null;
const lockedListeners = new Set<() => void>();

/** Installs a transport (tests install a fake one; null returns to auto-detection). */
export function setTransport(next: Transport | null): void {
  transport = next;
}

/** Picks the Electron bridge when present, else the browser host with the URL's token. */
export function detectTransport(win: Window = window): Transport | null {
  if (win.codedesk) return electronTransport(win.codedesk);
  const token = takeHostToken(win);
  return token ? browserTransport(token) : null;
}

function current(): Transport | null {
  transport ??= detectTransport();
  return transport;
}

/** Called whenever any reply says the workspace is locked (the idle lock may beat the event). */
export function onLockedReply(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

const noToken = (): Result<never> =>
  err(ErrorCode.Internal, 'CodeDesk was opened without its session token. Start it again from the CodeDesk launcher.');

function seen<T>(result: Result<T>): Result<T> {
  if (!result.ok && result.error.code === ErrorCode.Locked) {
    for (const listener of lockedListeners) listener();
  }
  return result;
}

async function settled<T>(pending: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return seen(await pending);
  } catch {
    return seen(unreachable());
  }
}

export function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  const t = current();
  if (!t) return Promise.resolve(noToken());
  try {
    return settled(t.call(method, input));
  } catch {
    return Promise.resolve(seen(unreachable()));
  }
}

/**
 * Like `call`, but the reply can also be taken synchronously, waiting inside the caller's task
 * no later than a deadline — so a keystroke's results can render in the frame that shows the
 * keystroke. Transports that cannot do that answer `take` with null; `result` always settles.
 */
export function beginCall<M extends MethodName>(method: M, input: MethodInput<M>): BegunCall<Result<MethodOutput<M>>> {
  const t = current();
  if (!t?.begin) return { result: call(method, input), take: () => null };
  let begun: BegunCall<Result<MethodOutput<M>>>;
  try {
    begun = t.begin(method, input);
  } catch {
    return { result: Promise.resolve(seen(unreachable())), take: () => null };
  }
  // Lock listeners hear the reply once, through `result` (a taken reply settles it too).
  return { result: settled(begun.result), take: (deadline) => begun.take(deadline) };
}

export function subscribe(listener: EventListener): () => void {
  const t = current();
  return t ? t.subscribe(listener) : () => undefined;
}
