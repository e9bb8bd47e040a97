/**
 * The hub's migrations, in order; version = position + 1. Append only: a shipped migration is
 * never edited (its hash is checked at every start, and frozen by a test).
 */
export interface HubMigration {
  name: string;
  sql: string;
}

export const HUB_MIGRATIONS: readonly HubMigration[] = [
  {
    name: 'users, devices and the audit trail',
    sql: `
      CREATE TABLE hub_users (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('coder', 'auditor', 'supervisor')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      );
      CREATE TABLE hub_devices (
        id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES hub_users(id),
        name text NOT NULL,
        token_sha256 bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_seen_at timestamptz
      );
      CREATE INDEX hub_devices_user ON hub_devices(user_id);
      CREATE TABLE hub_audit (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        user_id text,
        device_id text,
        action text NOT NULL,
        chart_id text,
        detail_json text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      );
      CREATE INDEX hub_audit_chart ON hub_audit(chart_id, seq) WHERE chart_id IS NOT NULL;
      CREATE FUNCTION hub_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'hub_audit is append-only'; END $$;
      CREATE TRIGGER hub_audit_no_update BEFORE UPDATE OR DELETE ON hub_audit FOR EACH ROW EXECUTE FUNCTION hub_audit_append_only();
      CREATE TRIGGER hub_audit_no_truncate BEFORE TRUNCATE ON hub_audit FOR EACH STATEMENT EXECUTE FUNCTION hub_audit_append_only();
    `,
  },
];
