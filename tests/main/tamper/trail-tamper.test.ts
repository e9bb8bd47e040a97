/**
 * The attacks on the record that issue 10 found passing `audit verify`, each now caught:
 * truncation of the newest entries or all of them, an edit with every later hash
 * recomputed (without and with the chain key), a forged entry appended, a rolled-back
 * workspace file, a missing or foreign seal.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src/main/api';
import { canonicalJson } from '../../../src/main/services/audit/canonical-json';
import { entryHash } from '../../../src/main/services/audit/hash';
import { deriveAuditKeys } from '../../../src/main/services/audit/chain-keys';
import type { FullRow } from '../../../src/main/services/audit/verify';
import { closeRaw, copyFiles, doWork, rawWithKey, unlockAgain, workedWorkspace, type Worked } from './helpers';

async function verifyAfterUnlock(w: Worked) {
  w.app.lock('manual');
  const status = unlockAgain(w);
  const report = await callApi(w.app, 'audit.verify', {});
  if (!report.ok) throw new Error(report.error.message);
  return { status, report: report.value, kinds: report.value.problems.map((p) => p.kind) };
}

/** Rewrites entry `from` and every later one with hashes computed under `key` (null: plain SHA-256, no key). */
function rechain(w: Worked, from: number, key: Buffer | null, edit: (r: FullRow) => FullRow): void {
  const db = rawWithKey(w);
  const rows = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(from) as FullRow[];
  let prev = (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(from - 1) as string | undefined) ?? '0'.repeat(64);
  for (const original of rows) {
    const r = original.seq === from ? edit(original) : original;
    const hash = entryHash(key, prev, {
      seq: r.seq, at: r.at, userId: r.user_id, deviceId: r.device_id, action: r.action, chartId: r.chart_id,
      detail: JSON.parse(r.detail_json) as Record<string, never>,
    });
    db.prepare('UPDATE audit_log SET action = ?, chart_id = ?, detail_json = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(
      r.action, r.chart_id, r.detail_json, prev, hash, r.seq,
    );
    prev = hash;
  }
  closeRaw(db);
}

describe('the audit trail against tampering', () => {
  it('an untouched trail verifies, starting with the profile’s creation and ending at the seal', async () => {
    const w = await workedWorkspace();
    const { status, report } = await verifyAfterUnlock(w);
    expect(status.trailProblem).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThan(30);
  });

  for (const cut of [1, 5, 20]) {
    it(`the newest ${cut} entr${cut === 1 ? 'y' : 'ies'} cut off: truncated, and the workspace takes no changes`, async () => {
      const w = await workedWorkspace();
      w.app.lock('manual');
      const db = rawWithKey(w);
      const last = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
      db.prepare('DELETE FROM audit_log WHERE seq > ?').run(last - cut);
      closeRaw(db);
      const { status, report, kinds } = await verifyAfterUnlock(w);
      expect(status.trailProblem).toMatch(/ends at entry \d+ but was sealed at entry \d+/);
      expect(report.ok).toBe(false);
      expect(kinds).toContain('truncated');
      const write = await callApi(w.app, 'charts.get', { chartId: 'IP-260101' });
      expect(write.ok).toBe(false);
      if (!write.ok) expect(write.error.code).toBe('AUDIT_BROKEN');
    });
  }

  it('the whole trail wiped: truncated and no origin', async () => {
    const w = await workedWorkspace();
    w.app.lock('manual');
    const db = rawWithKey(w);
    db.exec('DELETE FROM audit_log');
    closeRaw(db);
    const { status, report, kinds } = await verifyAfterUnlock(w);
    expect(status.trailProblem).toMatch(/The audit trail is empty but was sealed at entry/);
    expect(report.entries).toBe(0);
    expect(kinds).toEqual(expect.arrayContaining(['truncated', 'origin']));
  });

  it('an entry edited and every later hash recomputed without the chain key: altered from there on', async () => {
    const w = await workedWorkspace();
    w.app.lock('manual');
    rechain(w, 10, null, (r) => ({ ...r, chart_id: 'ED-260399' }));
    const { report, kinds } = await verifyAfterUnlock(w);
    expect(report.ok).toBe(false);
    expect(kinds[0]).toBe('rewritten');
    expect(report.problems.some((p) => p.kind === 'altered' && p.seq === 10)).toBe(true);
  });

  it('an entry edited and every later hash recomputed WITH the chain key: the seal shows the rewrite', async () => {
    const w = await workedWorkspace();
    w.app.lock('manual');
    rechain(w, 10, deriveAuditKeys(w.key).chain, (r) => ({ ...r, chart_id: 'ED-260399' }));
    const { report, kinds } = await verifyAfterUnlock(w);
    expect(report.ok).toBe(false);
    expect(kinds).toEqual(['rewritten']);
  });

  it('a forged entry appended after the last: altered (its hash is not keyed)', async () => {
    const w = await workedWorkspace();
    w.app.lock('manual');
    const db = rawWithKey(w);
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const fields = { seq: head.seq + 1, at: new Date().toISOString(), userId: w.profile.id, deviceId: 'dev-x', action: 'chart.submit', chartId: 'IP-260101', detail: {} };
    db.prepare(
      'INSERT INTO audit_log (seq, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(fields.seq, fields.at, fields.userId, fields.deviceId, fields.action, fields.chartId, canonicalJson(fields.detail), head.hash,
      entryHash(null, head.hash, fields));
    closeRaw(db);
    const { report } = await verifyAfterUnlock(w);
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining({ seq: head.seq + 1, kind: 'altered' }));
  });

  it('an earlier copy of the workspace file put back over the current one: caught on unlock and by verify', async () => {
    const w = await workedWorkspace();
    w.app.lock('manual');
    const copy = `${w.file}.copy`;
    copyFiles(w.file, copy);
    unlockAgain(w);
    await doWork(w, 12);
    w.app.lock('manual');
    copyFiles(copy, w.file);
    fs.rmSync(`${w.file}-shm`, { force: true });
    const { status, report, kinds } = await verifyAfterUnlock(w);
    expect(status.trailProblem).toMatch(/replaced by an older copy/);
    expect(report.ok).toBe(false);
    expect(kinds).toEqual(['truncated']);
    // Nothing is appended on top: the finding stays until a restore or a re-anchor.
    w.app.lock('manual');
    expect(unlockAgain(w).trailProblem).toMatch(/sealed at entry/);
  });

  it('the seal deleted, or another profile’s seal put in its place: unsealed', async () => {
    const w = await workedWorkspace();
    const other = await workedWorkspace();
    w.app.lock('manual');
    fs.rmSync(w.sealFile);
    expect((await verifyAfterUnlock(w)).kinds).toEqual(['unsealed']);
    w.app.lock('manual');
    other.app.lock('manual');
    fs.copyFileSync(other.sealFile, w.sealFile);
    const { status, kinds } = await verifyAfterUnlock(w);
    expect(kinds).toEqual(['unsealed']);
    expect(status.trailProblem).toMatch(/damaged or belongs to another workspace/);
  });

  it('a seal one commit behind (a crash between commit and seal) is caught up, not reported', async () => {
    const w = await workedWorkspace();
    w.app.lock('manual');
    const oldSeal = fs.readFileSync(w.sealFile);
    unlockAgain(w);
    await doWork(w, 1);
    w.app.lock('manual');
    fs.writeFileSync(w.sealFile, oldSeal);
    const { status, report } = await verifyAfterUnlock(w);
    expect(status.trailProblem).toBeNull();
    expect(report.ok).toBe(true);
    expect(crypto.createHash('sha256').update(fs.readFileSync(w.sealFile)).digest('hex')).not.toBe(
      crypto.createHash('sha256').update(oldSeal).digest('hex'),
    );
  });
});
