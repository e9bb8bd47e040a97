/**
 * Shipped migrations are frozen text: a workspace or content database that already ran one
 * never runs it again, so an edit would leave old and new databases with different schemas.
 * Each migration's SQL is pinned here by SHA-256. A change goes in a NEW migration; a new
 * migration adds its line here (that is the moment it is frozen).
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_MIGRATIONS } from '../../../src/main/services/codesets/content-migrations';
import { MIGRATIONS } from '../../../src/main/services/workspace/migrations';

const WORKSPACE_FROZEN: Record<number, string> = {
  1: '7535361fe90e89a9facdfdd9bc24db46064dfc94b159c7062b11de31cc6ba31d',
  2: '2cc34bd67d320ed89a37ec6a53dd8bfa6f3b5dffa526975fead810cd221829a0',
  3: 'e6959b469989320fad9dd55d49d22078bdde2e899b1b226c627e2e0ec9187b1b',
  4: '2ac77db36d9b6b427fd79d3ba37df13e3ce02379b1c61a890d1a18cddfd320a6',
  5: 'be27131e87b76eda81df75df22486b28c287f9f75e1e4f646c05020a5464f72e',
  6: '31e4f0eaaa7ab67fbe9bfc5c6f4c8b6fd83b07a245439343f23325002556c673',
  7: 'ff3632de6a55db16b157ffea483be71948f3efef05a9b55bf86468dbb3a557c0',
  8: 'e624faa88033a887f757fdac13cebabff89d0b279f9799a08f897205b02702e6',
  9: '6272b16438a85c4c37af33a32da7b592263bcf2aae02257cb593f705bd3ca9eb',
  10: 'c42c983f190a1c017ece02eb9bbeb0f0c83509cfe63d8429397a0d94a4c0daf7',
};

const CONTENT_FROZEN: Record<number, string> = {
  1: '73f9c5682ef68385ca9ba0ae54360b11e6af63177724f5eea49154d24b1b1825',
  2: 'ec593841173fe272e02cac875f8e7a00eea78f973b6ec0bf0ca0136bbead7fa5',
  3: '7dae69c1325f39e533ed95bc1d9bc183eba10b8323fffed4be2cecc32c01a5ff',
  4: 'b0e45855b82a30f170a11901391f3a629d1137739b5483d64978f416576af54e',
  5: '1b0eea1a28aa733d12d56c1c865ec9a33eec0478be48a9c112ed017b88bf6d31',
  6: '52e74fa02635bfccfeef1d6b0dac0f97e9ec15e46e51a22d149917bdf968df4c',
  7: '3ff3e969e2198ab862e874d31d92332ac070289780d6e2534e8d66df79d41203',
  8: 'fa5c0e9a6a83d0da8154b7c9d8bb21f1d1dfa9b26b4c76717544be8415dbc7f9',
  9: 'fb71ef2660bd69923b5557dfba5f191478db4e254ea9e9c38422834e94ece332',
  10: '71dbfccd82283115087a5e1a4da331eb98c51b3364a99e83222cb6429b4618bf',
  11: 'bea98eb5ff171156a9e4d3457d973f173abe615e8f7d3ed6fc3de0e15f092deb',
  12: 'b3d001d8b8350bd5b8942d14774fb679efd90d33bc4c4250782f1469de52ff4e',
};

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

describe('frozen migrations', () => {
  for (const [name, migrations, frozen] of [
    ['workspace', MIGRATIONS, WORKSPACE_FROZEN],
    ['content', CONTENT_MIGRATIONS, CONTENT_FROZEN],
  ] as const) {
    it(`every ${name} migration's text is the text that shipped`, () => {
      for (const m of migrations) {
        expect(frozen[m.version], `${name} migration ${m.version} has no frozen hash: add it here once it ships`).toBeDefined();
        expect(sha256(m.sql), `${name} migration ${m.version} (${m.name}) was edited: add a new migration instead`).toBe(frozen[m.version]);
      }
      expect(migrations.map((m) => m.version)).toEqual(Object.keys(frozen).map(Number));
    });
  }
});
