/** The change summary by comparing two versions' code tables (billable codes; titles by long title). */
import type { ContentDb } from '../content-db';
import type { ChangeBody } from './change-body';

export function changesFromTables(db: ContentDb, fromId: number, toId: number): ChangeBody {
  const onlyIn = (a: number, b: number) =>
    db
      .prepare(
        `SELECT a.code, a.long_title AS title FROM codes a
         WHERE a.version_id = ? AND a.billable = 1
           AND NOT EXISTS (SELECT 1 FROM codes b WHERE b.version_id = ? AND b.code = a.code AND b.billable = 1)
         ORDER BY a.code`,
      )
      .all(a, b) as { code: string; title: string }[];
  const revised = db
    .prepare(
      `SELECT a.code, a.long_title AS before, b.long_title AS after FROM codes a
       JOIN codes b ON b.version_id = ? AND b.code = a.code AND b.billable = 1
       WHERE a.version_id = ? AND a.billable = 1 AND a.long_title <> b.long_title ORDER BY a.code`,
    )
    .all(toId, fromId) as { code: string; before: string; after: string }[];
  const status = db
    .prepare(
      `SELECT b.code, b.long_title AS title, b.billable FROM codes a
       JOIN codes b ON b.version_id = ? AND b.code = a.code
       WHERE a.version_id = ? AND a.billable <> b.billable ORDER BY a.code`,
    )
    .all(toId, fromId) as { code: string; title: string; billable: number }[];
  return {
    added: onlyIn(toId, fromId),
    deleted: onlyIn(fromId, toId),
    revised,
    billableChanged: status.map((s) => ({ code: s.code, title: s.title, billable: s.billable === 1 })),
    basis: null,
  };
}
