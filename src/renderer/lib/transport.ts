/** The shape every transport to the main process has: one call per contract method, plus events. */
import type { EventListener } from '../../shared/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';

/** A call whose reply its caller may take synchronously, waiting no later than a deadline. */
export interface BegunCall<T> {
  /** The reply, however it comes (taken or not). */
  readonly result: Promise<T>;
  /** The reply now, waiting inside the caller's task until `deadline` (performance.now() clock) at most; null if it is not there. */
  take(deadline: number): T | null;
}

export interface Transport {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Transports that cannot hand a reply over synchronously leave it out; callers then use `call`. */
  begin?<M extends MethodName>(method: M, input: MethodInput<M>): BegunCall<Result<MethodOutput<M>>>;
  /** Returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}
