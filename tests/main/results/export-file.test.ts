/** Export files: encrypted unless plain, opened only with the passphrase, never half-written, always on the trail. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportResults } from '../../../src/main/services/interchange/out/export';
import { call, demoApp, must } from '../helpers/app';
import { tempDir } from '../helpers/temp';
import { auditDetails, EXPORT_PASSPHRASE, submitCoded } from './helpers';

async function twoExports() {
  const { app } = await demoApp();
  await submitCoded(app, 'IP-260102');
  const dir = tempDir();
  const sealed = path.join(dir, 'codes.csv.cdx');
  const plain = path.join(dir, 'codes.csv');
  expect(await must(app, 'results.export', { format: 'csv', path: sealed, plain: false, passphrase: EXPORT_PASSPHRASE })).toMatchObject({ encrypted: true, charts: 1 });
  await must(app, 'results.export', { format: 'csv', path: plain, plain: true });
  return { app, dir, sealed, plain };
}

describe('encrypted export files', () => {
  it('are unreadable without the passphrase and open to exactly the plain export with it; both exports are on the trail', async () => {
    const { app, dir, sealed, plain } = await twoExports();
    const bytes = fs.readFileSync(sealed);
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('CDEXPORT');
    expect(bytes.includes(Buffer.from('IP-260102'))).toBe(false);
    expect(bytes.includes(Buffer.from('I21.4'))).toBe(false);
    const opened = path.join(dir, 'opened.csv');
    expect(await must(app, 'results.decrypt', { path: sealed, out: opened, passphrase: EXPORT_PASSPHRASE })).toMatchObject({ path: opened });
    expect(fs.readFileSync(opened, 'utf8')).toBe(fs.readFileSync(plain, 'utf8'));

    const trail = auditDetails(app, 'results.export');
    expect(trail).toMatchObject([
      { format: 'csv', charts: 1, encrypted: true, bytes: bytes.length },
      { format: 'csv', charts: 1, encrypted: false },
    ]);
    // Counts and hashes only: no chart id, no code, no file name.
    expect(JSON.stringify(trail)).not.toMatch(/IP-260102|I21\.4|codes\.csv/);
    expect(trail[0]!.fileNameSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await must(app, 'audit.verify', {})).ok).toBe(true);
  });

  it('refuse a wrong passphrase, a changed byte anywhere, a cut-short file and a file that is not an export, writing nothing', async () => {
    const { app, dir, sealed, plain } = await twoExports();
    const out = path.join(dir, 'out.csv');
    const open = (file: string, passphrase = EXPORT_PASSPHRASE) => call(app, 'results.decrypt', { path: file, out, passphrase });
    expect(await open(sealed, 'not the passphrase at all')).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase, or the file was changed after it was written.' } });
    const bytes = fs.readFileSync(sealed);
    for (const offset of [12, 30, 45, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[offset]! ^= 0x01;
      const file = path.join(dir, `tampered-${offset}`);
      fs.writeFileSync(file, tampered);
      expect(await open(file)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    }
    const weakened = Buffer.from(bytes);
    weakened[9] = 30; // scrypt N = 2^30: refused before any work
    fs.writeFileSync(path.join(dir, 'weakened'), weakened);
    expect(await open(path.join(dir, 'weakened'))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/damaged/) } });
    fs.writeFileSync(path.join(dir, 'short'), bytes.subarray(0, 30));
    expect(await open(path.join(dir, 'short'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cut short/) } });
    expect(await open(plain)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'This is not an encrypted CodeDesk export.' } });
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('opening an export', () => {
  it('never replaces an existing file, and needs full paths', async () => {
    const { app, dir, sealed } = await twoExports();
    const existing = path.join(dir, 'keep.csv');
    fs.writeFileSync(existing, 'keep me');
    expect(await call(app, 'results.decrypt', { path: sealed, out: existing, passphrase: EXPORT_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    expect(await call(app, 'results.decrypt', { path: 'codes.csv.cdx', out: path.join(dir, 'y'), passphrase: EXPORT_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});

describe('writing an export', () => {
  it('needs an explicit choice: a strong passphrase, or plain', async () => {
    const { app } = await demoApp();
    await submitCoded(app, 'PF-260403');
    const dir = tempDir();
    const file = path.join(dir, 'x.csv');
    expect(await call(app, 'results.export', { format: 'csv', path: file, plain: false })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/passphrase/) } });
    expect(await call(app, 'results.export', { format: 'csv', path: file, plain: false, passphrase: 'password1234' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/^This export passphrase is too easy to guess/) },
    });
    expect(await call(app, 'results.export', { format: 'csv', path: file, plain: true, passphrase: EXPORT_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call(app, 'results.export', { format: 'csv', path: 'relative.csv', plain: true })).toMatchObject({ ok: false, error: { message: 'Give the export file’s full path.' } });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(auditDetails(app, 'results.export')).toEqual([]);
  });

  it('never replaces an existing file', async () => {
    const { app } = await demoApp();
    await submitCoded(app, 'PF-260403');
    const file = path.join(tempDir(), 'x.csv');
    fs.writeFileSync(file, 'keep me');
    expect(await call(app, 'results.export', { format: 'csv', path: file, plain: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('leaves no file, and no temp file, when the audit entry cannot be written', async () => {
    const { app } = await demoApp();
    await submitCoded(app, 'PF-260403');
    const dir = tempDir();
    const target = path.join(dir, 'x.csv');
    let sawTemp = false;
    const audit = () => {
      // The bytes are on disk (under a temp name) when the entry is appended …
      sawTemp = fs.readdirSync(dir).some((f) => f.endsWith('.tmp'));
      throw new Error('disk full');
    };
    expect(() => exportResults(app.session!.db, { format: 'csv', selection: {}, target, sealer: null }, { now: new Date(), audit })).toThrow('disk full');
    expect(sawTemp).toBe(true);
    // … and gone with the failed entry; the target never existed.
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
