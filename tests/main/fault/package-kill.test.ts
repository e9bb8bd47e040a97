/**
 * Killing the process while it applies a big result package: after each SIGKILL, at a
 * different moment of the apply, the lead's workspace unlocks (quick_check, trail against its
 * seal) and is exactly as before the apply or exactly as after it — never in between.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { CodeDeskApp } from '../../../src/main/app';
import { insertCharts } from '../../../src/main/services/charts/demo';
import { must, PASSPHRASE, testApp } from '../helpers/app';
import { chart, REPO_ROOT, RESOURCES, tempDir } from '../helpers/temp';

const CHARTS = 400;
const DOC = 'Progress note. '.repeat(200); // ~3 KB of text per document

function buildChild(outDir: string): string {
  const outfile = path.join(outDir, 'package-apply-child.mjs');
  buildSync({ entryPoints: [path.join(import.meta.dirname, 'package-apply-child.ts')], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'silent' });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  return outfile;
}

/** What an apply changes, without the clock: chart work, package bookkeeping, and the trail's actions. */
function snapshot(app: CodeDeskApp): string {
  const db = app.session!.db;
  const q = (sql: string) => db.prepare(sql).all();
  return JSON.stringify([
    q('SELECT id, status, hold_reason, version, assignee FROM charts ORDER BY id'),
    q('SELECT chart_id, coding_json, revision FROM codings ORDER BY chart_id'),
    q('SELECT chart_id, version, coding_json FROM submissions ORDER BY chart_id, version'),
    q('SELECT package_id, direction, seq, charts FROM package_log ORDER BY package_id, direction'),
    q('SELECT package_id, chart_id, base_hash FROM package_charts ORDER BY package_id, chart_id'),
    q('SELECT count(*) AS n FROM package_activity'),
    q('SELECT count(*) AS n FROM package_conflicts'),
    q("SELECT action FROM audit_log WHERE action NOT IN ('session.unlock', 'session.lock') ORDER BY seq"),
  ]);
}

function copyDir(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

async function openedSnapshot(home: string, profileId: string): Promise<{ snap: string; verified: boolean }> {
  const app = testApp(home);
  await must(app, 'session.unlock', { profileId, passphrase: PASSPHRASE });
  const snap = snapshot(app);
  const verified = (await must(app, 'audit.verify', {})).ok;
  app.close();
  return { snap, verified };
}

/** Runs the child; kills it `killAfterMs` after it says `applying`. applyMs: from `applying` to `done`. */
function runChild(child: string, args: string[], killAfterMs: number | null): Promise<{ done: boolean; applyMs: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timer: NodeJS.Timeout | null = null;
    let applying = 0;
    let applyMs = 0;
    const guard = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!applying && out.includes('applying\n')) applying = performance.now();
      if (!applyMs && out.includes('done ')) applyMs = performance.now() - applying;
      if (killAfterMs !== null && timer === null && out.includes('applying\n')) timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.on('error', reject);
    proc.on('exit', () => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      resolve({ done: out.includes('done {"applied"'), applyMs });
    });
  });
}

describe('killing the process during package.apply', () => {
  it('leaves the workspace before or after the apply, never between', { timeout: 240_000 }, async () => {
    const home = tempDir('codedesk-pkg-kill-');
    const files = tempDir('codedesk-pkg-kill-files-');
    const lead = testApp(home);
    const leadId = (await must(lead, 'profiles.create', { displayName: 'Lee Lead', role: 'supervisor', passphrase: PASSPHRASE })).profile.id;
    const ids = Array.from({ length: CHARTS }, (_, i) => `XX-${String(i).padStart(6, '0')}`);
    insertCharts(lead.session!.db, ids.map((id, i) => chart({ id, documents: [{ id: 'd1', kind: 'progress_note', title: 'Progress note', author: 'A. Doctor, MD', date: '2026-08-02', body: `${DOC}${i}` }] })), new Date().toISOString());
    const coder = testApp(home);
    const coderId = (await must(coder, 'profiles.create', { displayName: 'Dana Coder', role: 'coder', passphrase: PASSPHRASE })).profile.id;
    await must(lead, 'packages.create', { chartIds: ids, recipientId: coderId, expiresDays: 14, path: path.join(files, 'work.cdpkg') });
    await must(coder, 'packages.open', { path: path.join(files, 'work.cdpkg') });
    for (const [i, chartId] of ids.entries()) {
      if (i % 7 === 0) await must(coder, 'charts.hold', { chartId, reason: 'missing_documentation', note: 'Waiting for the op note' });
      else await must(coder, 'coding.save', { chartId, revision: 0, coding: { diagnoses: [{ code: 'I21.4', poa: 'Y' }], procedures: [] } });
    }
    const result = path.join(files, 'result.cdpkg');
    await must(coder, 'packages.result', { recipientId: leadId, expiresDays: 14, path: result });
    lead.close();
    coder.close();

    const leadDir = path.join(home, 'profiles', leadId);
    const pristine = path.join(files, 'lead-before');
    copyDir(leadDir, pristine);
    const before = await openedSnapshot(home, leadId);
    const child = buildChild(tempDir('codedesk-pkg-kill-child-'));
    const args = [home, leadId, PASSPHRASE, RESOURCES, result];

    // One apply to the end: the "after" state and how long an apply takes.
    const full = await runChild(child, args, null);
    expect(full.done).toBe(true);
    const fullMs = full.applyMs;
    const after = await openedSnapshot(home, leadId);
    expect(after.snap).not.toBe(before.snap);

    const outcomes: string[] = [];
    // The last ones land after the commit even when the machine is busier than for the measured apply.
    const delays = [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1.5, 3, 6].map((f) => Math.round(f * fullMs));
    for (const delay of delays) {
      copyDir(pristine, leadDir);
      await runChild(child, args, delay);
      const now = await openedSnapshot(home, leadId);
      expect(now.verified).toBe(true);
      const outcome = now.snap === before.snap ? 'before' : now.snap === after.snap ? 'after' : 'between';
      outcomes.push(`${delay}ms:${outcome}`);
      expect(outcome, `killed ${delay} ms into the apply`).not.toBe('between');
    }
    // The kills landed on both sides of the commit, so the moments in between were really tried.
    expect(outcomes.some((o) => o.endsWith('before')), outcomes.join(' ')).toBe(true);
    expect(outcomes.some((o) => o.endsWith('after')), outcomes.join(' ')).toBe(true);
    expect(fullMs).toBeGreaterThan(20);
  });
});
