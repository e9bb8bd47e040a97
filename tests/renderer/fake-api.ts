/** A fake transport for component tests: canned handlers per method, a call log, pushed events. */
import type { EventListener } from '../../src/shared/bridge';
import type { EventMap, EventName, MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import { err, ok, type ErrorCode, type Result } from '../../src/shared/result';
import { setTransport, type Transport } from '../../src/renderer/lib/api';

/** Returned by a handler to make the fake answer with an error Result. */
export class Fail {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
    readonly detail?: Record<string, string | number | boolean>,
  ) {}
}
export const fail = (code: ErrorCode, message: string, detail?: Fail['detail']) => new Fail(code, message, detail);

type Handler<M extends MethodName> = (input: MethodInput<M>) => MethodOutput<M> | Fail | Promise<MethodOutput<M> | Fail>;
export type Handlers = { [M in MethodName]?: Handler<M> };

export interface FakeApi {
  calls: { method: MethodName; input: unknown }[];
  /** Inputs of every call to `method`, in order. */
  inputs<M extends MethodName>(method: M): MethodInput<M>[];
  emit<E extends EventName>(name: E, payload: EventMap[E]): void;
  handlers: Handlers;
  /** `handOver.on`: `begin` hands a settled reply over when taken (as the browser host's call worker does); off = never. */
  handOver: { on: boolean };
  /** Deadlines callers passed to `take`, in order. */
  takes: number[];
}

export function installFakeApi(handlers: Handlers): FakeApi {
  const calls: FakeApi['calls'] = [];
  const listeners = new Set<EventListener>();
  const transport: Transport = {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      calls.push({ method, input });
      const handler = handlers[method] as Handler<M> | undefined;
      if (!handler) return err('INTERNAL', `the fake has no handler for ${method}`);
      const out = await handler(input);
      return out instanceof Fail ? err(out.code, out.message, out.detail) : ok(out);
    },
    begin(method, input) {
      // Like the call worker's slot: with hand-over on, a reply waits to be taken and reaches
      // `result` only then (or when a take found it not yet in).
      const reply = transport.call(method, input);
      let settled: Awaited<typeof reply> | null = null;
      let release: () => void = () => undefined;
      const taken = new Promise<void>((r) => (release = r));
      void reply.then((r) => (settled = r));
      const handOver = fake.handOver.on;
      return {
        result: handOver ? taken.then(() => reply) : reply,
        take: (deadline) => {
          fake.takes.push(deadline);
          release();
          return handOver ? settled : null;
        },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  setTransport(transport);
  const fake: FakeApi = {
    handOver: { on: false },
    takes: [],
    calls,
    handlers,
    inputs: <M extends MethodName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>),
    emit: (name, payload) => {
      for (const listener of listeners) listener(name, payload);
    },
  };
  return fake;
}
