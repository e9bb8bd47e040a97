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
import type { Transport } from './transport';

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

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  const t = current();
  if (!t) {
    return err(ErrorCode.Internal, 'CodeDesk was opened without its session token. Start it again from the CodeDesk launcher.');
  }
  let result: Result<MethodOutput<M>>;
  try {
    result = await t.call(method, input);
  } catch {
    result = err(ErrorCode.Internal, 'CodeDesk could not reach its local service. Restart CodeDesk and try again.');
  }
  if (!result.ok && result.error.code === ErrorCode.Locked) {
    for (const listener of lockedListeners) listener();
  }
  return result;
}

export function subscribe(listener: EventListener): () => void {
  const t = current();
  return t ? t.subscribe(listener) : () => undefined;
}
