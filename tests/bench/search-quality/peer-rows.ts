/** The rows the peer engines index: every code of the versions CodeDesk searches on a date (code and long title). */
import type { ContentDb } from '../../../src/main/services/codesets/content-db';
import { versionsToSearch } from '../../../src/main/services/codesets/search';
import type { BenchRow } from './peers';

export function rowsOf(db: ContentDb, date: string): BenchRow[] {
  return versionsToSearch(db, undefined, date).flatMap((v) =>
    (db.prepare('SELECT display_code AS code, long_title AS title FROM codes WHERE version_id = ? ORDER BY seq').all(v.id) as {
      code: string;
      title: string;
    }[]).map((r) => ({ system: v.system, ...r })),
  );
}
