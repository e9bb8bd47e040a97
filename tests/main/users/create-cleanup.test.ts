/** A profile whose creation fails half-way leaves nothing behind. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as OpenModule from '../../../src/main/services/workspace/open';
import { CHEAP_SCRYPT, asyncFailureOf, tempDir } from '../workspace/helpers';

vi.mock('../../../src/main/services/workspace/open', async (importOriginal) => {
  const real = await importOriginal<typeof OpenModule>();
  return {
    ...real,
    openWorkspace: (file: string, key: Buffer, options?: { create?: boolean }) => {
      if (options?.create) {
        fs.writeFileSync(file, 'half-written'); // as if the disk filled up mid-way
        throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
      }
      return real.openWorkspace(file, key, options);
    },
  };
});

const { createProfile, listProfiles } = await import('../../../src/main/services/users/profiles');

describe('createProfile failure', () => {
  it('removes its staging folder and lists no profile', async () => {
    const home = tempDir();
    const failure = await asyncFailureOf(createProfile(home, { displayName: 'Dana', role: 'coder', passphrase: 'correct horse battery', deviceId: 'dev-test' }, { scrypt: CHEAP_SCRYPT }));
    expect(failure.message).toBe('disk full');
    expect(fs.readdirSync(path.join(home, 'profiles'))).toEqual([]);
    expect(listProfiles(home)).toEqual([]);
  });
});
