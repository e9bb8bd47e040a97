/**
 * Writes the partner lists of a PTP file (schema/ptp-partners.ts) from its rows, inside the
 * import's transaction; services/edits/ptp-partners.ts reads them.
 */
import type { ContentDb } from '../../content-db';

export function writePtpPartners(db: ContentDb, fileId: number): void {
  db.prepare(
    `INSERT INTO ptp_partners (file_id, col1, col2s)
     SELECT @file, '', '' UNION ALL
     SELECT file_id, col1, group_concat(col2, '' ORDER BY col2) FROM ptp WHERE file_id = @file AND modifier <> 9 GROUP BY col1`,
  ).run({ file: fileId });
}
