/**
 * Content schema: the cross-reference codes (XREF1..XREF5) of each HCPCS Level II code. The CMS
 * record layout defines them as "an explicit reference crosswalking a deleted code or a code
 * that is not valid for Medicare to a valid current code"; for a terminated code they name
 * its replacement (C9166 -> J3247). Most terminated codes carry none (J1030 does not).
 */
export const HCPCS_XREF_SCHEMA_SQL = `
  CREATE TABLE hcpcs_xref (
    version_id INTEGER NOT NULL REFERENCES content_version(id),
    code TEXT NOT NULL,
    -- 1..5: the XREF column it came from.
    seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 5),
    xref TEXT NOT NULL,
    PRIMARY KEY (version_id, code, seq)
  ) STRICT;
`;
