/**
 * NCCI PTP partner lists (read by services/edits/ptp-partners.ts): per PTP file and column-1
 * code, the column-2 codes it has rows with, so a claim check seeks only pairs that exist.
 * The migration also fills the lists of files imported before it.
 */
export const PTP_PARTNERS_SCHEMA_SQL = `
  -- col2s: the column-2 codes of col1's rows (indicator 9 left out), 5 characters each, in order.
  -- col1 '' marks a file whose lists are written.
  CREATE TABLE ptp_partners (
    file_id INTEGER NOT NULL REFERENCES edit_file(id) ON DELETE CASCADE,
    col1 TEXT NOT NULL,
    col2s TEXT NOT NULL,
    PRIMARY KEY (file_id, col1)
  ) WITHOUT ROWID, STRICT;
  INSERT INTO ptp_partners (file_id, col1, col2s) SELECT id, '', '' FROM edit_file WHERE kind = 'ptp';
  INSERT INTO ptp_partners (file_id, col1, col2s)
    SELECT file_id, col1, group_concat(col2, '' ORDER BY col2) FROM ptp WHERE modifier <> 9 GROUP BY file_id, col1;
`;
