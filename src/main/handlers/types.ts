import type { MethodName, MethodOutput, MethodParsedInput } from '../../shared/contract';
import type { CodeDeskApp } from '../app';

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  app: CodeDeskApp,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type HandlerTable<M extends MethodName> = { [K in M]: Handler<K> };
