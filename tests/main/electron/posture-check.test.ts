/**
 * scripts/electron-posture.mjs reads Electronegativity's SARIF report (the tool itself always
 * exits 0): run here on made-up reports, without the tool, to prove what fails the check.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const script = path.resolve(import.meta.dirname, '../../../scripts/electron-posture.mjs');

const sarif = (...results: { rule: string; uri?: string; line?: number }[]) => ({
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'Electronegativity' } },
      results: results.map((r) => ({
        ruleId: r.rule,
        level: 'warning',
        message: { text: `${r.rule} text` },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.uri ?? 'file:///' }, region: { startLine: r.line ?? 1 } } }],
      })),
    },
  ],
});

const reason = 'Set as a response header from one constant, tested elsewhere.';

function check(report: unknown, suppressions: unknown): { status: number | null; out: string } {
  const dir = tempDir('codedesk-posture-test-');
  const reportFile = path.join(dir, 'report.sarif');
  const listFile = path.join(dir, 'suppressions.json');
  if (report !== undefined) fs.writeFileSync(reportFile, typeof report === 'string' ? report : JSON.stringify(report));
  fs.writeFileSync(listFile, JSON.stringify(suppressions));
  const run = spawnSync(process.execPath, [script, '--report', reportFile, '--suppressions', listFile], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('Electron posture check', () => {
  it('passes when every finding is suppressed with a reason, by rule and (when given) file', () => {
    const r = check(sarif({ rule: 'CSP_GLOBAL_CHECK' }, { rule: 'PRELOAD_JS_CHECK', uri: 'main/electron/main.ts', line: 63 }), [
      { rule: 'CSP_GLOBAL_CHECK', reason },
      { rule: 'PRELOAD_JS_CHECK', file: 'src/main/electron/main.ts', reason },
    ]);
    expect(r.out).toMatch(/2 findings, 2 suppressed with a reason, 0 open, 0 stale/);
    expect(r.status).toBe(0);
  });

  it('fails on a finding not listed, or listed for another file, and names it', () => {
    const r = check(sarif({ rule: 'SANDBOX_JS_CHECK', uri: 'main/electron/main.ts', line: 50 }, { rule: 'PRELOAD_JS_CHECK', uri: 'main/other.ts' }), [
      { rule: 'PRELOAD_JS_CHECK', file: 'src/main/electron/main.ts', reason },
    ]);
    expect(r.out).toMatch(/FINDING\s+SANDBOX_JS_CHECK \[warning\] src\/main\/electron\/main\.ts:50/);
    expect(r.out).toMatch(/FINDING\s+PRELOAD_JS_CHECK \[warning\] src\/main\/other\.ts/);
    expect(r.status).toBe(1);
  });

  it('fails on a suppression that no longer matches a finding', () => {
    const r = check(sarif(), [{ rule: 'AUXCLICK_JS_CHECK', reason }]);
    expect(r.out).toMatch(/STALE\s+suppression AUXCLICK_JS_CHECK/);
    expect(r.status).toBe(1);
  });

  it('fails on a suppression without a written reason', () => {
    const r = check(sarif({ rule: 'CSP_GLOBAL_CHECK' }), [{ rule: 'CSP_GLOBAL_CHECK', reason: 'ok' }]);
    expect(r.out).toMatch(/needs a written reason/);
    expect(r.status).toBe(1);
  });

  it('fails clearly when there is no report, or it is not SARIF', () => {
    expect(check(undefined, []).status).toBe(1);
    expect(check(undefined, []).out).toMatch(/cannot read the report/);
    expect(check('not json', []).status).toBe(1);
    expect(check({ hello: 'world' }, []).out).toMatch(/no runs/);
  });
});
