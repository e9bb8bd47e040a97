import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileOnce, writeFileAtomic } from '../../../src/main/services/vault/atomic-write';
import { tempDir } from '../workspace/helpers';

describe('writeFileAtomic', () => {
  it('writes and replaces the whole file, owner-only, leaving no temp files', () => {
    const dir = tempDir();
    const file = path.join(dir, 'keys.json');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, 'second');
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    expect(fs.readdirSync(dir)).toEqual(['keys.json']);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves the old target and no temp file when the rename fails', () => {
    const dir = tempDir();
    const target = path.join(dir, 'occupied');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'keep');
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['occupied']);
    expect(fs.readFileSync(path.join(target, 'inside'), 'utf8')).toBe('keep');
  });
});

describe('createFileOnce', () => {
  it('creates a file once and never overwrites it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'device.json');
    expect(createFileOnce(file, 'one')).toBe(true);
    expect(createFileOnce(file, 'two')).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('one');
    expect(fs.readdirSync(dir)).toEqual(['device.json']);
  });
});
