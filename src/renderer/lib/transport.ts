/** The shape every transport to the main process has: one call per contract method, plus events. */
import type { EventListener } from '../../shared/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';

export interface Transport {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}
