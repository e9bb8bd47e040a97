/**
 * A call sent as one message, `{id, method, input}`, answered by `{id, result}`: the browser
 * host's WebSocket and the Electron window's call port speak it alike.
 */
import { err, ErrorCode, type Result } from '../shared/result';

/** The largest call message either road accepts. */
export const MAX_CALL_BYTES = 1024 * 1024;

export interface CallEnvelope {
  id: number;
  method: string;
  input: unknown;
}

/** The envelope in a message; null when the message is not that shape. */
export function readCallEnvelope(data: string): CallEnvelope | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { id, method, input } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(id) || (id as number) < 0 || typeof method !== 'string') return null;
  return { id: id as number, method, input };
}

/** Runs the call and gives its reply message; a call that throws answers with an internal error. */
export async function answerCall(envelope: CallEnvelope, call: (method: string, input: unknown) => Promise<Result<unknown>>): Promise<string> {
  const result = await call(envelope.method, envelope.input).catch(() => err(ErrorCode.Internal, 'The call failed.'));
  return JSON.stringify({ id: envelope.id, result });
}
