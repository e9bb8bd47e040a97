/**
 * The only logger in src/. One JSON line per event on stderr. It keeps only field names
 * known to carry no PHI and drops everything else, so a careless call cannot leak a
 * patient name or a line of a document into a log file.
 */
import { AppFailure } from '../shared/result';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogValue = string | number | boolean;
export type LogFields = Record<string, LogValue>;

/** Field names whose values are PHI-free by construction (codes, counts, timings, versions). */
export const LOG_FIELD_ALLOW_LIST: ReadonlySet<string> = new Set([
  'method',
  'code',
  'ms',
  'count',
  'version',
  'system',
  'file',
  'line',
  'reason',
  'chartCount',
  'errorName',
  'seconds',
  'entries',
  'problems',
]);

const MAX_STRING = 200;
const EVENT_PATTERN = /^[A-Za-z0-9_.:-]{1,80}$/;
// Error names and codes worth keeping: identifiers like "SqliteError", "SQLITE_BUSY", "ENOENT".
const IDENT_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,60}$/;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields, error?: unknown): void;
  error(event: string, fields?: LogFields, error?: unknown): void;
}

/** Keeps allowed fields with sane values; strings are cut short and stripped of control characters. */
export function sanitizeFields(fields: LogFields | undefined): LogFields {
  const out: LogFields = {};
  if (!fields) return out;
  for (const [name, value] of Object.entries(fields)) {
    if (!LOG_FIELD_ALLOW_LIST.has(name)) continue;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) out[name] = value;
    } else if (typeof value === 'boolean') {
      out[name] = value;
    } else if (typeof value === 'string') {
      out[name] = value.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_STRING);
    }
  }
  return out;
}

/**
 * What may be said about an error: its name, and a code when it is an identifier
 * (AppFailure codes, SQLite and errno codes). Never its message: a message from a
 * library or the OS may quote data (a SQL value, a file name built from chart content).
 */
export function describeError(error: unknown): LogFields {
  const out: LogFields = {};
  if (!(error instanceof Error)) {
    out.errorName = 'non-error';
    return out;
  }
  out.errorName = IDENT_PATTERN.test(error.name) ? error.name : 'Error';
  const code = error instanceof AppFailure ? error.code : (error as { code?: unknown }).code;
  if (typeof code === 'string' && IDENT_PATTERN.test(code)) out.code = code;
  return out;
}

/** A logger writing to `write`; `isSilent` is asked at each call so tests can switch it. */
export function createLogger(write: (line: string) => void, isSilent: () => boolean = () => false): Logger {
  const emit = (level: LogLevel, event: string, fields?: LogFields, error?: unknown): void => {
    if (isSilent()) return;
    const record = {
      t: new Date().toISOString(),
      level,
      event: EVENT_PATTERN.test(event) ? event : 'invalid_event_name',
      ...sanitizeFields(fields),
      ...(error === undefined ? {} : describeError(error)),
    };
    write(`${JSON.stringify(record)}\n`);
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields, error) => emit('warn', event, fields, error),
    error: (event, fields, error) => emit('error', event, fields, error),
  };
}

let muted = false;

/** A host that keeps stderr for its own messages (the CLI without --verbose) mutes the log. */
export function muteLog(on: boolean): void {
  muted = on;
}

export const log: Logger = createLogger(
  (line) => process.stderr.write(line),
  () => muted || process.env.CODEDESK_LOG === 'silent',
);
