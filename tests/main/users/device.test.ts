import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceId } from '../../../src/main/services/users/profiles';
import { failureOf, tempDir } from '../workspace/helpers';

describe('deviceId', () => {
  it('is made once, kept in device.json, and stable', () => {
    const home = path.join(tempDir(), 'new-home');
    const id = deviceId(home);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(deviceId(home)).toBe(id);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'device.json'), 'utf8'))).toMatchObject({ deviceId: id });
    expect(deviceId(tempDir())).not.toBe(id);
  });

  it('a damaged device.json is reported, not silently replaced', () => {
    const home = tempDir();
    fs.writeFileSync(path.join(home, 'device.json'), '{"deviceId": "not a uuid"}');
    expect(failureOf(() => deviceId(home)).code).toBe('INTERNAL');
    expect(fs.readFileSync(path.join(home, 'device.json'), 'utf8')).toBe('{"deviceId": "not a uuid"}');
  });
});
