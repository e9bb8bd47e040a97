/** A typed in-process event bus; hosts forward its events to the renderer (IPC or SSE). */
import type { EventMap, EventName } from '../shared/contract';

export type AnyEventListener = <E extends EventName>(name: E, payload: EventMap[E]) => void;

export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();

  on(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventMap[E]): void {
    for (const listener of this.listeners) listener(name, payload);
  }
}
