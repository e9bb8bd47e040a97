/**
 * The one place that binds contract methods to services: it validates input strictly,
 * checks that the caller's session may call the method, runs the handler and returns a
 * Result. Hosts call `callApi` and nothing else.
 */
import { contract, type MethodName, type MethodOutput } from '../shared/contract';
import { AppFailure, err, ErrorCode, ok, type Result } from '../shared/result';
import type { CodeDeskApp } from './app';
import { activityHandlers } from './handlers/activity';
import { auditHandlers } from './handlers/audits';
import { chartHandlers } from './handlers/charts';
import { chartImportHandlers } from './handlers/chart-import';
import { codeHandlers } from './handlers/codes';
import { encoderHandlers } from './handlers/encoder';
import { hubHandlers } from './handlers/hub';
import { packageHandlers } from './handlers/packages';
import { preferenceHandlers } from './handlers/preferences';
import { queryHandlers } from './handlers/queries';
import { reportHandlers } from './handlers/reports';
import { resultHandlers } from './handlers/results';
import { sessionHandlers } from './handlers/session';
import type { Handler } from './handlers/types';
import { workspaceHandlers } from './handlers/workspace';
import { log } from './log';
import { describeSqliteError } from './services/db/errors';

const handlers: { [M in MethodName]: Handler<M> } = {
  ...sessionHandlers,
  ...activityHandlers,
  ...chartHandlers,
  ...chartImportHandlers,
  ...codeHandlers,
  ...encoderHandlers,
  ...workspaceHandlers,
  ...preferenceHandlers,
  ...resultHandlers,
  ...reportHandlers,
  ...queryHandlers,
  ...auditHandlers,
  ...packageHandlers,
  ...hubHandlers,
};

/** Long by nature: imports, and exports (a key derivation, then up to thousands of claims). */
const SLOW_BY_NATURE: ReadonlySet<string> = new Set(['codes.import', 'charts.import', 'results.export', 'results.decrypt']);

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

/** Zod issue text without the offending values (they could be PHI). */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export async function callApi<M extends MethodName>(app: CodeDeskApp, method: M, rawInput: unknown): Promise<Result<MethodOutput<M>>>;
export async function callApi(app: CodeDeskApp, method: string, rawInput: unknown): Promise<Result<unknown>>;
export async function callApi(app: CodeDeskApp, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return err(ErrorCode.BadInput, `Unknown API method "${method.slice(0, 60)}".`);
  const def = contract[method];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return err(ErrorCode.BadInput, `Invalid input for ${method}: ${describeIssues(parsed.error.issues)}`);
  if (def.access !== 'public') {
    const session = app.session;
    if (!session) return err(ErrorCode.Locked, 'CodeDesk is locked. Unlock it with your passphrase.');
    if (!def.access.includes(session.profile.role)) {
      return err(ErrorCode.Forbidden, `The ${session.profile.role} role may not call ${method}.`);
    }
  }
  const started = performance.now();
  try {
    const handler = handlers[method] as Handler<MethodName>;
    const value = await handler(parsed.data as never, app);
    return ok(value);
  } catch (e) {
    if (e instanceof AppFailure) return err(e.code, e.message, e.detail);
    // A full disk or a damaged page: the transaction rolled back, and the answer says so plainly.
    const named = describeSqliteError(e);
    if (named) {
      log.error('api.storage_failure', { method, code: named.code }, e);
      return err(named.code, named.message);
    }
    // Unknown errors may carry PHI in their message: log the name only, answer generically.
    log.error('api.unexpected', { method }, e);
    return err(ErrorCode.Internal, 'Something went wrong. Your saved work is safe; try again.');
  } finally {
    const ms = Math.round(performance.now() - started);
    // Imports and exports are long by nature; anything else this slow is a defect.
    if (ms > 250 && !SLOW_BY_NATURE.has(method)) log.warn('api.slow', { method, ms });
  }
}
