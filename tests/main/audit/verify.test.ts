import type { WorkspaceDb } from '../../../src/main/services/db/handles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash } from '../../../src/main/services/audit/hash';
import { MAX_PROBLEMS, verifyChain } from '../../../src/main/services/audit/verify';
import { closeWorkspace } from '../../../src/main/services/workspace/open';
import { T0, dropTriggers, fillTrail, hashOf, renumber, swap, workspace } from './helpers';

let db: WorkspaceDb;
beforeEach(() => {
  db = workspace();
  fillTrail(db, 10);
  dropTriggers(db);
});
afterEach(() => closeWorkspace(db));

const found = () => verifyChain(db).problems.map(({ seq, kind }) => ({ seq, kind }));

describe('verifyAudit', () => {
  it('passes an intact trail and an empty one', () => {
    expect(verifyChain(db)).toEqual({ ok: true, entries: 10, problems: [] });
    db.exec('DELETE FROM audit_log');
    expect(verifyChain(db)).toEqual({ ok: true, entries: 0, problems: [] });
  });

  describe('altered', () => {
    it('an entry whose detail, action, user, time or chart was changed', () => {
      db.prepare(`UPDATE audit_log SET detail_json = '{"n":99}' WHERE seq = 4`).run();
      db.prepare(`UPDATE audit_log SET action = 'export' WHERE seq = 6`).run();
      db.prepare(`UPDATE audit_log SET user_id = 'someone-else' WHERE seq = 7`).run();
      db.prepare(`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 8`).run();
      db.prepare(`UPDATE audit_log SET chart_id = 'C999' WHERE seq = 9`).run();
      const report = verifyChain(db);
      expect(report.ok).toBe(false);
      expect(report.entries).toBe(10);
      expect(found()).toEqual([4, 6, 7, 8, 9].map((seq) => ({ seq, kind: 'altered' })));
      expect(report.problems[0]?.message).toBe('Entry 4 does not match its hash.');
    });

    it('an entry with unreadable detail JSON, or an edited link', () => {
      db.prepare(`UPDATE audit_log SET detail_json = 'not json' WHERE seq = 2`).run();
      db.prepare(`UPDATE audit_log SET prev_hash = ? WHERE seq = 5`).run('f'.repeat(64));
      expect(found()).toEqual([
        { seq: 2, kind: 'altered' },
        { seq: 5, kind: 'altered' },
      ]);
    });

    it('an entry rewritten with a freshly computed hash (the next entry no longer links to it)', () => {
      const row = db.prepare('SELECT * FROM audit_log WHERE seq = 5').get() as Record<string, string | number | null>;
      const forged = entryHash(null, row.prev_hash as string, {
        seq: 5, at: row.at as string, userId: 'u1', deviceId: 'dev-1', action: 'export', chartId: null, detail: {},
      });
      db.prepare(`UPDATE audit_log SET action = 'export', chart_id = NULL, detail_json = '{}', hash = ? WHERE seq = 5`).run(forged);
      expect(found()).toEqual([{ seq: 5, kind: 'altered' }]);
    });
  });

  describe('deleted', () => {
    it('an entry in the middle (a seq gap)', () => {
      db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
      expect(found()).toEqual([{ seq: 5, kind: 'deleted' }]);
      expect(verifyChain(db).entries).toBe(9);
    });

    it('the first entry, and a block of entries', () => {
      db.prepare('DELETE FROM audit_log WHERE seq = 1').run();
      db.prepare('DELETE FROM audit_log WHERE seq BETWEEN 4 AND 6').run();
      const report = verifyChain(db);
      expect(found()).toEqual([
        { seq: 1, kind: 'deleted' },
        { seq: 4, kind: 'deleted' },
      ]);
      expect(report.problems[1]?.message).toBe('Entries 4 to 6 are missing.');
    });

    it('an entry removed and the later ones renumbered to hide the gap: reported once', () => {
      db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
      renumber(db, 6, -1);
      expect(found()).toEqual([{ seq: 5, kind: 'deleted' }]);
    });

    it('two entries removed and renumbered', () => {
      db.prepare('DELETE FROM audit_log WHERE seq IN (3, 4)').run();
      renumber(db, 5, -2);
      const report = verifyChain(db);
      expect(found()).toEqual([{ seq: 3, kind: 'deleted' }]);
      expect(report.problems[0]?.message).toMatch(/^2 entries were removed before entry 3/);
    });
  });

  describe('reordered', () => {
    it('two entries that swapped places', () => {
      swap(db, 3, 8);
      expect(found()).toEqual([
        { seq: 3, kind: 'reordered' },
        { seq: 8, kind: 'reordered' },
      ]);
    });

    it('two neighbours that swapped places', () => {
      swap(db, 5, 6);
      expect(found()).toEqual([
        { seq: 5, kind: 'reordered' },
        { seq: 6, kind: 'reordered' },
      ]);
    });

    it('the first two entries swapped', () => {
      swap(db, 1, 2);
      expect(found()).toEqual([
        { seq: 1, kind: 'reordered' },
        { seq: 2, kind: 'reordered' },
      ]);
    });
  });

  describe('inserted', () => {
    it('a forged entry slipped in between two entries, later ones renumbered: reported once', () => {
      renumber(db, 5, 1);
      const prev = hashOf(db, 4);
      const fields = { seq: 5, at: new Date(T0).toISOString(), userId: 'u1', deviceId: 'dev-1', action: 'export', chartId: null, detail: {} };
      db.prepare(
        `INSERT INTO audit_log (seq, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash) VALUES (5, ?, 'u1', 'dev-1', 'export', NULL, '{}', ?, ?)`,
      ).run(fields.at, prev, entryHash(null, prev, fields));
      const report = verifyChain(db);
      expect(report.entries).toBe(11);
      expect(found()).toEqual([{ seq: 5, kind: 'inserted' }]);
    });

    it('a forged entry with a made-up link slipped in', () => {
      renumber(db, 3, 1);
      db.prepare(
        `INSERT INTO audit_log (seq, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash) VALUES (3, 'x', 'u1', 'dev-1', 'export', NULL, '{}', ?, ?)`,
      ).run('a'.repeat(64), 'b'.repeat(64));
      expect(found()).toEqual([{ seq: 3, kind: 'inserted' }]);
    });

    it('a copy of an earlier entry added at the end', () => {
      db.exec(`INSERT INTO audit_log (seq, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash)
               SELECT 11, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash FROM audit_log WHERE seq = 4`);
      expect(found()).toEqual([{ seq: 11, kind: 'inserted' }]);
    });
  });

  it('tampering at the ends of the trail', () => {
    swap(db, 9, 10);
    expect(found()).toEqual([
      { seq: 9, kind: 'reordered' },
      { seq: 10, kind: 'reordered' },
    ]);
  });

  it('a forged first entry in front of the trail', () => {
    renumber(db, 1, 1);
    const fields = { seq: 1, at: new Date(T0).toISOString(), userId: 'u1', deviceId: 'dev-1', action: 'export', chartId: null, detail: {} };
    db.prepare(
      `INSERT INTO audit_log (seq, at, user_id, device_id, action, chart_id, detail_json, prev_hash, hash) VALUES (1, ?, 'u1', 'dev-1', 'export', NULL, '{}', ?, ?)`,
    ).run(fields.at, '0'.repeat(64), entryHash(null, '0'.repeat(64), fields));
    expect(found()).toEqual([{ seq: 1, kind: 'inserted' }]);
  });

  it('never passes a trail with any single entry changed in any column', () => {
    const columns = ['at', 'user_id', 'device_id', 'action', 'chart_id', 'detail_json', 'prev_hash', 'hash'];
    for (let seq = 1; seq <= 10; seq++) {
      for (const column of columns) {
        const before = db.prepare(`SELECT ${column} FROM audit_log WHERE seq = ?`).pluck().get(seq);
        db.prepare(`UPDATE audit_log SET ${column} = 'x' WHERE seq = ?`).run(seq);
        const report = verifyChain(db);
        expect(report.ok, `${column} of ${seq}`).toBe(false);
        expect(report.problems.some((p) => p.seq === seq || p.seq === seq + 1)).toBe(true);
        db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(before, seq);
      }
    }
    expect(verifyChain(db).ok).toBe(true);
  });

  it('reports every swapped pair as exactly those two entries reordered', () => {
    for (let i = 1; i <= 10; i++) {
      for (let j = i + 1; j <= 10; j++) {
        swap(db, i, j);
        expect(found(), `swap ${i}, ${j}`).toEqual([
          { seq: i, kind: 'reordered' },
          { seq: j, kind: 'reordered' },
        ]);
        swap(db, i, j);
      }
    }
    expect(verifyChain(db).ok).toBe(true);
  });

  it('reports every removed block, renumbered or not, once at its first seq', () => {
    for (let first = 1; first <= 9; first++) {
      for (let size = 1; size <= 3 && first + size <= 10; size++) {
        for (const hide of [false, true]) {
          db.exec('SAVEPOINT tamper');
          db.prepare('DELETE FROM audit_log WHERE seq BETWEEN ? AND ?').run(first, first + size - 1);
          if (hide) renumber(db, first + size, -size);
          expect(found(), `remove ${size} from ${first}${hide ? ', renumbered' : ''}`).toEqual([{ seq: first, kind: 'deleted' }]);
          db.exec('ROLLBACK TO tamper; RELEASE tamper');
        }
      }
    }
    expect(verifyChain(db).ok).toBe(true);
  });

  it('stops listing problems at MAX_PROBLEMS but still counts every entry', () => {
    db.transaction(() => fillTrail(db, MAX_PROBLEMS + 50))();
    db.exec(`UPDATE audit_log SET detail_json = '{"n":-1}'`);
    const report = verifyChain(db);
    expect(report.ok).toBe(false);
    expect(report.entries).toBe(MAX_PROBLEMS + 60);
    expect(report.problems).toHaveLength(MAX_PROBLEMS);
  });

  it('reports several kinds of tampering in one trail, each with its seq', () => {
    db.prepare(`UPDATE audit_log SET detail_json = '{"n":-1}' WHERE seq = 2`).run();
    swap(db, 4, 5);
    db.prepare('DELETE FROM audit_log WHERE seq = 8').run();
    expect(found()).toEqual([
      { seq: 2, kind: 'altered' },
      { seq: 4, kind: 'reordered' },
      { seq: 5, kind: 'reordered' },
      { seq: 8, kind: 'deleted' },
    ]);
  });
});
