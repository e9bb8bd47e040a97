#!/usr/bin/env node
// `npm test`: every suite — typecheck, lint, the Electron posture check (Electronegativity, fetched
// by npx), unit/component/integration (Vitest), build, and
// end-to-end (Playwright in Debian Chromium on the browser host). Ends with one plain line
// `N passed, N failed` totalled over all suites (CI reads it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-test-'));
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CODEDESK_LOG: 'silent' };
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, command, args, extraEnv = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return res.status === 0;
}

// Steps without test counts count as one test each.
function step(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`${label}: FAILED\n`);
  }
}

function countVitest(file, ok) {
  if (!fs.existsSync(file)) return void (failed += 1);
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (ok || r.numFailedTests > 0 ? 0 : 1);
  skipped += r.numPendingTests + r.numTodoTests;
}

function countPlaywright(file, ok) {
  if (!fs.existsSync(file)) return void (failed += 1);
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected + (ok || s.unexpected > 0 ? 0 : 1);
  skipped += s.skipped;
}

step('typecheck', bin('tsc'), ['-b', 'src/renderer']);
step('typecheck (main, shared, tests)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('lint', bin('eslint'), ['--max-warnings', '0', 'src', 'tests', 'scripts']);
step('electron posture (Electronegativity)', process.execPath, [path.join(root, 'scripts', 'electron-posture.mjs')]);

const vitestJson = path.join(reports, 'vitest.json');
const vitestOk = run('vitest (unit, component, integration)', bin('vitest'), [
  'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
]);
countVitest(vitestJson, vitestOk);

step('build (electron-vite)', bin('electron-vite'), ['build']);

const pwJson = path.join(reports, 'playwright.json');
const pwOk = run('playwright (end-to-end, browser host)', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
});
countPlaywright(pwJson, pwOk);

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
