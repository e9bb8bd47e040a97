/**
 * What the trust core costs a save: coding.save through the API (the change, its audit entry
 * in the same transaction, the HMAC, the seal after commit) against the bare change on the
 * same connection (saveCoding in a transaction, no entry, no seal), run in turn in one
 * process on a real encrypted workspace with the demo loaded. Also the seal write alone.
 */
import path from 'node:path';
import { callApi } from '../../src/main/api';
import { CodeDeskApp } from '../../src/main/app';
import { trailHead } from '../../src/main/services/audit/binding';
import { deriveAuditKeys } from '../../src/main/services/audit/chain-keys';
import { advanceSeal } from '../../src/main/services/audit/head-seal';
import { getCoding, saveCoding } from '../../src/main/services/charts/coding';
import { transaction } from '../../src/main/services/db/transaction';
import { createProfile } from '../../src/main/services/users/profiles';
import type { Coding } from '../../src/shared/domain';
import type { BenchModule } from './bench-module';
import { summarise } from './stats';

const ROUNDS = 300;
const codingFor = (i: number): Coding => ({ diagnoses: [{ code: i % 2 ? 'E11.9' : 'I10', poa: 'Y' }], procedures: [] });

export const auditedWriteBench: BenchModule = {
  name: 'auditedWrite',
  async run({ repoRoot, tempDir }) {
    const app = new CodeDeskApp({ home: tempDir, resourcesDir: path.join(repoRoot, 'resources') });
    try {
      const made = await createProfile(
        tempDir,
        { displayName: 'Bench Coder', role: 'coder', passphrase: 'correct horse battery staple', deviceId: app.deviceId },
        { scrypt: { N: 2 ** 10, r: 8, p: 1 } },
      );
      const key = Buffer.from(made.key);
      app.startSession(made.profile, made.key);
      await callApi(app, 'demo.load', {});
      const db = app.requireSession().db;
      const bare: number[] = [];
      const audited: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        // Alternate so both see the same cache and WAL state.
        let revision = getCoding(db, 'IP-260102').revision;
        let t = performance.now();
        transaction(db, () => saveCoding(db, { chartId: 'IP-260102', coding: codingFor(i), revision, userId: 'u', at: new Date().toISOString() }));
        bare.push(performance.now() - t);
        revision = getCoding(db, 'IP-260101').revision;
        t = performance.now();
        const r = await callApi(app, 'coding.save', { chartId: 'IP-260101', coding: codingFor(i), revision });
        audited.push(performance.now() - t);
        if (!r.ok) throw new Error(r.error.message);
      }
      const sealKey = deriveAuditKeys(key).seal;
      const seals: number[] = [];
      const head = trailHead(db);
      for (let i = 0; i < ROUNDS; i++) {
        const t = performance.now();
        advanceSeal(app.sealPath(made.profile.id), sealKey, { seq: head.seq + i + 1, hash: head.hash });
        seals.push(performance.now() - t);
      }
      const a = summarise(audited);
      const b = summarise(bare);
      return {
        auditedWrite: {
          rounds: ROUNDS,
          auditedSave: a,
          bareSave: b,
          sealWrite: summarise(seals),
          ratioP50: Math.round((a.p50Ms / b.p50Ms) * 100) / 100,
          ratioP95: Math.round((a.p95Ms / b.p95Ms) * 100) / 100,
        },
      };
    } finally {
      app.close();
    }
  },
};
