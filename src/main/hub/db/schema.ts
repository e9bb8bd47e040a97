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
  {
    name: 'the team queue: charts, leases, pushes, conflicts, activity',
    sql: `
      CREATE TABLE hub_meta (key text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE hub_charts (
        id text PRIMARY KEY,
        source_key text NOT NULL UNIQUE,
        setting text NOT NULL,
        service_date text NOT NULL,
        status text NOT NULL DEFAULT 'unassigned' CHECK (status IN ('unassigned', 'assigned', 'leased', 'submitted', 'on_hold')),
        assignee_id text REFERENCES hub_users(id),
        pool_setting text,
        epoch bigint NOT NULL DEFAULT 0,
        lease_user_id text REFERENCES hub_users(id),
        lease_device_id text REFERENCES hub_devices(id),
        lease_expires_at timestamptz,
        content_hash text NOT NULL,
        sealed bytea NOT NULL,
        state_hash text,
        state_sealed bytea,
        imported_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX hub_charts_queue ON hub_charts(status, assignee_id, pool_setting, service_date, id);
      CREATE INDEX hub_charts_lease ON hub_charts(lease_device_id) WHERE lease_device_id IS NOT NULL;
      -- Every lease ever granted: which device held a chart at which epoch (a push names both).
      CREATE TABLE hub_leases (
        chart_id text NOT NULL REFERENCES hub_charts(id),
        epoch bigint NOT NULL,
        user_id text NOT NULL REFERENCES hub_users(id),
        device_id text NOT NULL REFERENCES hub_devices(id),
        leased_at timestamptz NOT NULL,
        PRIMARY KEY (chart_id, epoch)
      );
      CREATE TABLE hub_pushes (
        client_id text PRIMARY KEY,
        device_id text NOT NULL REFERENCES hub_devices(id),
        user_id text NOT NULL REFERENCES hub_users(id),
        chart_id text NOT NULL,
        epoch bigint NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('applied', 'conflict')),
        received_at timestamptz NOT NULL
      );
      CREATE TABLE hub_conflicts (
        id bigserial PRIMARY KEY,
        chart_id text NOT NULL REFERENCES hub_charts(id),
        client_id text NOT NULL,
        user_id text NOT NULL,
        device_id text NOT NULL,
        epoch bigint NOT NULL,
        current_epoch bigint NOT NULL,
        reason text NOT NULL,
        incoming_sealed bytea NOT NULL,
        current_sealed bytea,
        created_at timestamptz NOT NULL,
        resolved_at timestamptz,
        resolution text
      );
      CREATE INDEX hub_conflicts_open ON hub_conflicts(created_at) WHERE resolved_at IS NULL;
      CREATE TABLE hub_events (
        device_id text NOT NULL REFERENCES hub_devices(id),
        seq bigint NOT NULL,
        user_id text NOT NULL REFERENCES hub_users(id),
        at text NOT NULL,
        action text NOT NULL,
        chart_id text,
        detail_json text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (device_id, seq)
      );
      CREATE INDEX hub_events_user_at ON hub_events(user_id, at);
    `,
  },
  {
    name: 'the team roll-up: day figures per user and setting, first submission times',
    sql: `
      -- The same day figures as a desktop workspace's activity_days, projected from pushed events.
      CREATE TABLE hub_activity_days (
        day text NOT NULL,
        user_id text NOT NULL REFERENCES hub_users(id),
        setting text NOT NULL,
        opened bigint NOT NULL DEFAULT 0,
        active_seconds bigint NOT NULL DEFAULT 0,
        codes_changed bigint NOT NULL DEFAULT 0,
        submitted bigint NOT NULL DEFAULT 0,
        resubmitted bigint NOT NULL DEFAULT 0,
        held bigint NOT NULL DEFAULT 0,
        queries_sent bigint NOT NULL DEFAULT 0,
        queries_answered bigint NOT NULL DEFAULT 0,
        queries_agreed bigint NOT NULL DEFAULT 0,
        query_hours_sum double precision NOT NULL DEFAULT 0,
        charts_queried bigint NOT NULL DEFAULT 0,
        charts_audited bigint NOT NULL DEFAULT 0,
        assigned_hours_sum double precision NOT NULL DEFAULT 0,
        assigned_n bigint NOT NULL DEFAULT 0,
        service_days_sum double precision NOT NULL DEFAULT 0,
        service_n bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (day, user_id, setting)
      );
      CREATE INDEX hub_activity_days_user ON hub_activity_days(user_id, day);
      ALTER TABLE hub_charts ADD COLUMN submitted_at timestamptz;
      CREATE INDEX hub_charts_backlog ON hub_charts(service_date) WHERE submitted_at IS NULL;
    `,
  },
  {
    name: 'check-out reads through indexes: own assignments, a pool, expired leases',
    sql: `
      CREATE INDEX hub_charts_own ON hub_charts(assignee_id, service_date, id) WHERE status = 'assigned';
      CREATE INDEX hub_charts_pool ON hub_charts(pool_setting, service_date, id) WHERE status = 'assigned' AND assignee_id IS NULL;
      CREATE INDEX hub_charts_expiring ON hub_charts(lease_expires_at) WHERE status = 'leased';
      DROP INDEX hub_charts_queue;
    `,
  },
  {
    name: 'conflict resolutions name the supervisor and keep one of two versions',
    sql: `
      ALTER TABLE hub_conflicts ADD COLUMN resolved_by text REFERENCES hub_users(id);
      ALTER TABLE hub_conflicts ADD CONSTRAINT hub_conflicts_resolution CHECK (resolution IS NULL OR resolution IN ('current', 'incoming'));
    `,
  },
  {
    name: 'second-level audits: who submitted a chart, audit leases, audits with their accuracy',
    sql: `
      -- The hub user who pushed a chart's first submitted state: the coder its audits are attributed to.
      ALTER TABLE hub_charts ADD COLUMN submitted_by text REFERENCES hub_users(id);
      -- Audit check-out reads submitted charts oldest submission first.
      CREATE INDEX hub_charts_auditable ON hub_charts(submitted_at, id) WHERE status = 'submitted';
      -- One auditor (on one device) audits a chart.
      CREATE TABLE hub_audit_leases (
        chart_id text PRIMARY KEY REFERENCES hub_charts(id),
        auditor_id text NOT NULL REFERENCES hub_users(id),
        device_id text NOT NULL REFERENCES hub_devices(id),
        leased_at timestamptz NOT NULL
      );
      CREATE INDEX hub_audit_leases_device ON hub_audit_leases(device_id);
      CREATE TABLE hub_audits (
        id text PRIMARY KEY,
        chart_id text NOT NULL REFERENCES hub_charts(id),
        version int NOT NULL,
        coder_id text REFERENCES hub_users(id),
        auditor_id text NOT NULL REFERENCES hub_users(id),
        setting text NOT NULL,
        -- When the audited version was submitted: puts the audit in a period, as on the desktop.
        submitted_at timestamptz NOT NULL,
        committed_at timestamptz NOT NULL,
        -- The chart's accuracy counts (codes considered and agreed, changed): never a code.
        accuracy_json text NOT NULL,
        -- The audit as the auditor's desktop sent it, sealed like a chart.
        sealed bytea NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX hub_audits_submitted ON hub_audits(submitted_at);
      CREATE INDEX hub_audits_chart ON hub_audits(chart_id);
    `,
  },
];
