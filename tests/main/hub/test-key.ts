/** One hub data key for this test process (two hubs on one database must share it). */
import { dataKeyFrom, newDataKey } from '../../../src/main/hub/seal';

export const TEST_KEY_BASE64 = newDataKey();
export const TEST_KEY = dataKeyFrom(TEST_KEY_BASE64);
