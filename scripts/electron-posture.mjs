#!/usr/bin/env node
// The Electron posture check (`npm test` runs it): Electronegativity, pinned and fetched by npx
// into its own cache (never a dependency of the app), run offline on the app's sources. It
// always exits 0, so its SARIF report is read here: every finding must be listed in
// scripts/electron-posture-suppressions.json with a written reason, and every listed
// suppression must still match a finding (a stale one fails too, so the list stays true).
// Exits 1 on an unsuppressed finding, a stale or unexplained suppression, or no report.
// `--report FILE` reads a SARIF report already made and `--suppressions FILE` another list
// (the tests of this script use both).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TOOL = '@doyensec/electronegativity@1.10.3';
/** Checks that need the network (Electron's release list from GitHub): the run stays offline and repeatable. */
const ONLINE_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const MIN_REASON_CHARS = 20;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scanned = 'src';
const { values: options } = parseArgs({ options: { report: { type: 'string' }, suppressions: { type: 'string' } }, strict: true });
const suppressionsFile = path.resolve(options.suppressions ?? path.join(root, 'scripts', 'electron-posture-suppressions.json'));

function fail(message) {
  process.stdout.write(`electron posture: ${message}\n`);
  process.exit(1);
}

/** The Electron version the app ships, as package.json pins it (devDependencies.electron). */
function electronVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const version = /\d+\.\d+\.\d+/.exec(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '')?.[0];
  if (!version) fail('package.json names no Electron version');
  return version;
}

function readSuppressions() {
  let list;
  try {
    list = JSON.parse(fs.readFileSync(suppressionsFile, 'utf8'));
  } catch (e) {
    fail(`cannot read ${path.relative(root, suppressionsFile)}: ${e.message}`);
  }
  if (!Array.isArray(list)) fail('the suppression file must hold a JSON array');
  for (const [i, s] of list.entries()) {
    if (typeof s?.rule !== 'string' || (s.file !== undefined && typeof s.file !== 'string')) {
      fail(`suppression ${i + 1} needs a "rule" (and an optional "file")`);
    }
    if (typeof s.reason !== 'string' || s.reason.trim().length < MIN_REASON_CHARS) {
      fail(`suppression ${i + 1} (${s.rule}) needs a written reason`);
    }
  }
  return list;
}

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`cannot read the report: ${e.message}`);
  }
}

/** Runs the tool in a scratch folder (npx fetches it there, the project's files are untouched); returns the SARIF. */
function runTool() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'codedesk-posture-'));
  const report = path.join(work, 'report.sarif');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const args = ['--yes', TOOL, '-i', path.join(root, scanned), '-r', '-v', 'false', '-e', electronVersion(), '-x', ONLINE_CHECKS.join(','), '-o', report];
  const run = spawnSync(npx, args, {
    cwd: work,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  try {
    if (run.error || run.status !== 0 || !fs.existsSync(report)) {
      const said = `${run.error?.message ?? ''}\n${run.stderr ?? ''}\n${run.stdout ?? ''}`.trim().split('\n').slice(-5).join('\n');
      fail(`${TOOL} did not run or wrote no report (is the npm registry reachable for npx?)\n${said}`);
    }
    return readReport(report);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Findings as {rule, level, file, line, text}; file is repo-relative, or '' for an app-wide finding. */
function findings(sarif) {
  if (!Array.isArray(sarif?.runs)) fail('the report has no runs');
  return sarif.runs.flatMap((run) =>
    (run.results ?? []).flatMap((result) => {
      const locations = result.locations?.length ? result.locations : [{}];
      return locations.map((location) => {
        const physical = location.physicalLocation ?? {};
        const uri = physical.artifactLocation?.uri ?? '';
        const file = uri === '' || uri.startsWith('file://') ? '' : path.posix.join(scanned, uri);
        return { rule: result.ruleId, level: result.level ?? 'warning', file, line: physical.region?.startLine ?? 0, text: result.message?.text ?? '' };
      });
    }),
  );
}

const suppressions = readSuppressions();
const found = findings(options.report ? readReport(options.report) : runTool());
const used = new Set();
let open = 0;
for (const f of found) {
  const index = suppressions.findIndex((s) => s.rule === f.rule && (s.file === undefined || s.file === f.file));
  const where = f.file ? `${f.file}:${f.line}` : '(app-wide)';
  if (index >= 0) {
    used.add(index);
    process.stdout.write(`  suppressed  ${f.rule} ${where}\n`);
  } else {
    open += 1;
    process.stdout.write(`  FINDING     ${f.rule} [${f.level}] ${where}: ${f.text}\n`);
  }
}
const stale = suppressions.filter((_, i) => !used.has(i));
for (const s of stale) process.stdout.write(`  STALE       suppression ${s.rule}${s.file ? ` ${s.file}` : ''} matches no finding: remove it\n`);
process.stdout.write(`electron posture: ${found.length} findings, ${found.length - open} suppressed with a reason, ${open} open, ${stale.length} stale suppressions\n`);
process.exit(open > 0 || stale.length > 0 ? 1 : 0);
