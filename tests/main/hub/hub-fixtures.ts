/** What every hub test shares: one data key for the process (two hubs on one database must share it), a password, a cheap KDF. */
import { dataKeyFrom, newDataKey } from '../../../src/main/hub/seal';

export const TEST_KEY_BASE64 = newDataKey();
export const TEST_KEY = dataKeyFrom(TEST_KEY_BASE64);
export const PASSWORD = 'correct horse battery';
/** The tests measure the hub, not scrypt: users are added with a cheap cost (the real one is tested in hub-cli). */
export const CHEAP_KDF = { N: 2 ** 10, r: 8, p: 1 };
