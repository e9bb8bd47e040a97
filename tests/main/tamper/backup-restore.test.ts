/** Backups (encrypted, verified) and restores (audited, re-anchoring the seal), and re-anchoring without a backup. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src/main/api';
import { tempDir } from '../helpers/temp';
import { closeRaw, doWork, rawWithKey, unlockAgain, workedWorkspace } from './helpers';

const PASS = 'correct horse battery staple';

describe('workspace backup', () => {
  it('writes an encrypted copy that ends with its own backup entry, and refuses to overwrite', async () => {
    const w = await workedWorkspace();
    const out = path.join(tempDir(), 'dana.cdbak');
    const made = await callApi(w.app, 'workspace.backup', { path: out });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    expect(bytes.includes(Buffer.from('Dana Coder'))).toBe(false);
    expect(bytes.includes(Buffer.from('workspace.backup'))).toBe(false);
    const again = await callApi(w.app, 'workspace.backup', { path: out });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['dana.cdbak']);
    const relative = await callApi(w.app, 'workspace.backup', { path: 'x.cdbak' });
    expect(relative.ok ? null : relative.error.code).toBe('BAD_INPUT');
  });
});

describe('workspace restore', () => {
  it('puts the backup in place, records the entries given up, re-anchors the seal, and keeps the replaced file', async () => {
    const w = await workedWorkspace();
    const out = path.join(tempDir(), 'before.cdbak');
    const made = await callApi(w.app, 'workspace.backup', { path: out });
    if (!made.ok) throw new Error(made.error.message);
    await doWork(w, 7);
    const restored = await callApi(w.app, 'workspace.restore', { profileId: w.profile.id, passphrase: PASS, path: out });
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.status.trailProblem).toBeNull();
    expect(restored.value.entriesGivenUp).toBe(8); // seven charts opened, and the lock before the restore
    expect(restored.value.replacedFile).toMatch(/^workspace\.replaced-.*\.db$/);
    expect(restored.value.bytes).toBe(made.value.bytes); // the size of the file restored, for the screen's summary
    const report = await callApi(w.app, 'audit.verify', {});
    expect(report.ok && report.value).toMatchObject({ ok: true, entries: made.value.headSeq + 1 });
    // The restore is the newest entry, and the workspace takes changes again.
    const db = rawWithKey(w);
    const last = db.prepare('SELECT action, detail_json FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; detail_json: string };
    closeRaw(db);
    expect(last.action).toBe('workspace.restore');
    expect(JSON.parse(last.detail_json)).toMatchObject({ backupSeq: made.value.headSeq, entriesGivenUp: 8 });
  });

  it('refuses a backup of another profile, a damaged one, or a wrong passphrase, and changes nothing', async () => {
    const w = await workedWorkspace();
    const other = await workedWorkspace();
    const theirs = path.join(tempDir(), 'theirs.cdbak');
    const made = await callApi(other.app, 'workspace.backup', { path: theirs });
    if (!made.ok) throw new Error(made.error.message);
    w.app.lock('manual');
    const before = fs.readFileSync(w.file);
    const foreign = await callApi(w.app, 'workspace.restore', { profileId: w.profile.id, passphrase: PASS, path: theirs });
    expect(foreign.ok ? null : foreign.error.message).toBe('This backup is not a workspace of this profile, or it is damaged.');
    const damaged = path.join(tempDir(), 'damaged.cdbak');
    fs.writeFileSync(damaged, Buffer.alloc(8192, 7));
    const bad = await callApi(w.app, 'workspace.restore', { profileId: w.profile.id, passphrase: PASS, path: damaged });
    expect(bad.ok ? null : bad.error.code).toBe('BAD_INPUT');
    const wrong = await callApi(w.app, 'workspace.restore', { profileId: w.profile.id, passphrase: 'not the passphrase!', path: theirs });
    expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PASSPHRASE');
    expect(fs.readFileSync(w.file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(w.file)).filter((f) => f.includes('restoring') || f.includes('replaced'))).toEqual([]);
    expect(unlockAgain(w).trailProblem).toBeNull();
  });
});

describe('audit reanchor', () => {
  it('puts a rollback finding on the record and lets the workspace take changes again', async () => {
    const w = await workedWorkspace();
    w.app.lock('manual');
    const db = rawWithKey(w);
    db.exec('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)');
    closeRaw(db);
    expect(unlockAgain(w).trailProblem).not.toBeNull();
    const none = await callApi(w.app, 'charts.get', { chartId: 'IP-260101' });
    expect(none.ok ? null : none.error.code).toBe('AUDIT_BROKEN');
    const status = await callApi(w.app, 'audit.reanchor', {});
    expect(status.ok && status.value.trailProblem).toBe(null);
    expect((await callApi(w.app, 'charts.get', { chartId: 'IP-260101' })).ok).toBe(true);
    const report = await callApi(w.app, 'audit.verify', {});
    expect(report.ok && report.value.ok).toBe(true);
    const twice = await callApi(w.app, 'audit.reanchor', {});
    expect(twice.ok ? null : twice.error.code).toBe('CONFLICT');
  });
});
