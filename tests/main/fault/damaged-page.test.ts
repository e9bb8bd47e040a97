/**
 * A damaged page (issue 10, fault suite): bytes flipped in one page of a closed, checkpointed
 * workspace.db. Unlocking answers WORKSPACE_DAMAGED with the restore-from-backup message
 * (no stack trace), stays locked, and leaves the file byte-identical.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src/main/api';
import { CodeDeskApp } from '../../../src/main/app';
import { DAMAGED_MESSAGE } from '../../../src/main/services/db/errors';
import { ErrorCode } from '../../../src/shared/result';
import { RESOURCES, tempDir } from '../helpers/temp';
import { FAULT_PASSPHRASE, faultApp } from './fault-app';

const PAGE = 4096;

/** Inverts 32 bytes inside page `index` (0-based) of the file. */
function flipPage(file: string, index: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const bytes = Buffer.alloc(32);
    const at = index * PAGE + 1000;
    fs.readSync(fd, bytes, 0, bytes.length, at);
    for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0xff;
    fs.writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    fs.closeSync(fd);
  }
}

describe('a damaged page in the workspace', () => {
  for (const where of ['middle', 'last'] as const) {
    it(`a flipped ${where} page: unlock answers WORKSPACE_DAMAGED, stays locked, writes nothing`, async () => {
      const home = tempDir();
      const { app, profile } = await faultApp(home);
      const file = app.workspacePath(profile.id);
      app.close(); // the lock checkpoints: everything is in workspace.db, no -wal left
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      const pages = fs.statSync(file).size / PAGE;
      flipPage(file, where === 'middle' ? Math.floor(pages / 2) : pages - 1);
      const damaged = fs.readFileSync(file);
      const seal = fs.readFileSync(app.sealPath(profile.id));

      const again = new CodeDeskApp({ home, resourcesDir: RESOURCES });
      try {
        const unlocked = await callApi(again, 'session.unlock', { profileId: profile.id, passphrase: FAULT_PASSPHRASE });
        expect(unlocked).toEqual({ ok: false, error: { code: ErrorCode.WorkspaceDamaged, message: DAMAGED_MESSAGE } });
        expect(again.status().unlocked).toBe(false);
        expect(fs.readFileSync(file).equals(damaged)).toBe(true);
        expect(fs.readFileSync(again.sealPath(profile.id)).equals(seal)).toBe(true);
        for (const suffix of ['-wal', '-journal']) expect(fs.existsSync(`${file}${suffix}`) ? fs.statSync(`${file}${suffix}`).size : 0).toBe(0);
      } finally {
        again.close();
      }
    });
  }
});
