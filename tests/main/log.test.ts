import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, log } from '../../src/main/log';
import { AppFailure } from '../../src/shared/result';

function capture() {
  const lines: string[] = [];
  const logger = createLogger((line) => lines.push(line));
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, logger, records };
}

describe('log', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('writes one JSON line per event with level, event and allowed fields', () => {
    const { lines, logger, records } = capture();
    logger.info('import.done', { count: 12, ms: 40, system: 'icd10cm' });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(lines[0]?.slice(0, -1)).not.toContain('\n');
    expect(records()[0]).toMatchObject({ level: 'info', event: 'import.done', count: 12, ms: 40, system: 'icd10cm' });
    expect(typeof records()[0]?.t).toBe('string');
  });

  it('drops fields that are not on the PHI-free allow-list', () => {
    const { lines, logger, records } = capture();
    logger.warn('chart.opened', {
      patientName: 'Jane Doe',
      text: 'Patient presents with chest pain',
      note: 'call back',
      chartCount: 3,
    });
    expect(records()[0]).toEqual(expect.objectContaining({ chartCount: 3 }));
    expect(records()[0]).not.toHaveProperty('patientName');
    expect(lines.join('')).not.toContain('Jane Doe');
    expect(lines.join('')).not.toContain('chest pain');
  });

  it('logs only the name and code of an error, never its message', () => {
    const { lines, logger, records } = capture();
    const sqlite = Object.assign(new Error("UNIQUE constraint failed: value 'Jane Doe'"), { name: 'SqliteError', code: 'SQLITE_CONSTRAINT' });
    logger.error('db.write_failed', { method: 'coding.save' }, sqlite);
    logger.error('api.failed', {}, new AppFailure('CONFLICT', 'stale revision'));
    logger.error('odd', {}, 'a thrown string with Jane Doe');
    expect(records()[0]).toMatchObject({ errorName: 'SqliteError', code: 'SQLITE_CONSTRAINT', method: 'coding.save' });
    expect(records()[1]).toMatchObject({ errorName: 'AppFailure', code: 'CONFLICT' });
    expect(records()[2]).toMatchObject({ errorName: 'non-error' });
    expect(lines.join('')).not.toContain('Jane Doe');
    expect(lines.join('')).not.toContain('stale revision');
  });

  it('keeps strings on one line and short, drops non-finite numbers', () => {
    const { records, logger } = capture();
    logger.info('x', { file: `a\nb\r\u0007c${'z'.repeat(500)}`, ms: Number.NaN, count: Infinity });
    const r = records()[0] as Record<string, unknown>;
    expect(r.file).toMatch(/^a b  c/);
    expect((r.file as string).length).toBe(200);
    expect(r).not.toHaveProperty('ms');
    expect(r).not.toHaveProperty('count');
  });

  it('replaces an event name that could carry data', () => {
    const { records, logger } = capture();
    logger.info('opened chart of Jane Doe');
    expect(records()[0]?.event).toBe('invalid_event_name');
  });

  it('writes to stderr, and nothing when CODEDESK_LOG=silent', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.stubEnv('CODEDESK_LOG', '');
    log.info('probe', { count: 1 });
    expect(write).toHaveBeenCalledTimes(1);
    expect(String(write.mock.calls[0]?.[0])).toContain('"event":"probe"');
    vi.stubEnv('CODEDESK_LOG', 'silent');
    log.info('probe', { count: 1 });
    log.error('probe', {}, new Error('x'));
    expect(write).toHaveBeenCalledTimes(1);
  });
});
