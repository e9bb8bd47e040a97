/**
 * Workspace schema, as numbered append-only migrations. Never edit a shipped migration:
 * add the next one. Each migration runs in its own transaction and bumps user_version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'charts, documents, coding, audit trail, settings',
    sql: `
      CREATE TABLE workspace_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE charts (
        id TEXT PRIMARY KEY,
        patient_name TEXT NOT NULL,
        patient_age INTEGER NOT NULL CHECK (patient_age BETWEEN 0 AND 124),
        patient_sex TEXT NOT NULL CHECK (patient_sex IN ('F','M','U')),
        setting TEXT NOT NULL CHECK (setting IN ('inpatient','outpatient_surgery','emergency','professional')),
        admit_date TEXT NOT NULL,
        discharge_date TEXT NOT NULL,
        payer TEXT NOT NULL,
        priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
        due_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','in_progress','on_hold','submitted')),
        assignee TEXT NOT NULL,
        hold_reason TEXT,
        hold_note TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX charts_priority ON charts(priority, due_date, id);
      CREATE INDEX charts_due ON charts(due_date, id);
      CREATE INDEX charts_status ON charts(status, priority, due_date, id);
      CREATE INDEX charts_discharge ON charts(discharge_date, id);
      CREATE INDEX charts_admit ON charts(admit_date, id);
      CREATE INDEX charts_payer ON charts(payer, id);
      CREATE INDEX charts_setting ON charts(setting, id);
      CREATE INDEX charts_assignee ON charts(assignee, id);
      CREATE INDEX charts_age ON charts(patient_age, id);

      CREATE TABLE documents (
        id TEXT NOT NULL,
        chart_id TEXT NOT NULL REFERENCES charts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        author TEXT NOT NULL,
        doc_date TEXT NOT NULL,
        body TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (chart_id, id)
      ) STRICT;

      -- The coder's draft: saved as they work, one row per chart, revision for lost-update checks.
      CREATE TABLE codings (
        chart_id TEXT PRIMARY KEY REFERENCES charts(id) ON DELETE CASCADE,
        coding_json TEXT NOT NULL,
        revision INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      -- Submitted versions are immutable.
      CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        chart_id TEXT NOT NULL REFERENCES charts(id),
        coding_json TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        submitted_by TEXT NOT NULL,
        device_id TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER submissions_no_update BEFORE UPDATE ON submissions
        BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;
      CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
        BEGIN SELECT RAISE(ABORT, 'submissions are immutable'); END;

      -- Append-only, hash-chained audit trail (see services/audit).
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        action TEXT NOT NULL,
        chart_id TEXT,
        detail_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 2,
    name: 'queue sort indexes for status and priority alone',
    sql: `
      CREATE INDEX charts_status_id ON charts(status, id);
      CREATE INDEX charts_priority_id ON charts(priority, id);
    `,
  },
  {
    version: 3,
    name: 'chart versions: reopen a submitted chart for correction',
    sql: `
      -- The version being worked on (or last submitted); a reopen starts the next one.
      ALTER TABLE charts ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
      -- Before this migration a chart was submitted at most once: every existing row is version 1.
      ALTER TABLE submissions ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
      CREATE UNIQUE INDEX submissions_chart_version ON submissions(chart_id, version);

      -- Each reopen, with its reason, who and when: history, so immutable like the submissions.
      CREATE TABLE chart_reopens (
        id INTEGER PRIMARY KEY,
        chart_id TEXT NOT NULL REFERENCES charts(id),
        version INTEGER NOT NULL CHECK (version >= 2),
        reason TEXT NOT NULL CHECK (reason IN ('late_documentation','audit_finding','coder_correction','payer_denial','other')),
        note TEXT NOT NULL CHECK (length(note) <= 500),
        reopened_at TEXT NOT NULL,
        reopened_by TEXT NOT NULL,
        device_id TEXT NOT NULL,
        UNIQUE (chart_id, version)
      ) STRICT;
      CREATE TRIGGER chart_reopens_no_update BEFORE UPDATE ON chart_reopens
        BEGIN SELECT RAISE(ABORT, 'reopen records are immutable'); END;
      CREATE TRIGGER chart_reopens_no_delete BEFORE DELETE ON chart_reopens
        BEGIN SELECT RAISE(ABORT, 'reopen records are immutable'); END;
    `,
  },
  {
    version: 4,
    name: 'imported charts: where each came from, document content types, hints',
    sql: `
      -- Where an imported chart came from: a second import of the same export finds it here.
      CREATE TABLE chart_sources (
        chart_id TEXT PRIMARY KEY REFERENCES charts(id) ON DELETE CASCADE,
        -- 'fhir:Encounter/<id>' or 'hl7:<sending facility>|<visit or account number>'
        source_key TEXT NOT NULL UNIQUE,
        format TEXT NOT NULL CHECK (format IN ('fhir','hl7v2')),
        -- What a coded result names the encounter by: 'Encounter/<id>' or the HL7 visit number.
        source_ref TEXT NOT NULL,
        patient_ref TEXT,
        facility TEXT,
        attending TEXT,
        location TEXT,
        -- SHA-256 of the chart's imported fields (documents carry their own).
        content_hash TEXT NOT NULL,
        first_imported_at TEXT NOT NULL,
        last_imported_at TEXT NOT NULL,
        -- A change that arrived after the chart was submitted: kept here, never applied silently.
        changed_after_submit_at TEXT,
        pending_json TEXT
      ) STRICT;

      -- Documents keep their type; bytes (PDF and types the viewer cannot show) live in data.
      ALTER TABLE documents ADD COLUMN content_type TEXT NOT NULL DEFAULT 'text/plain';
      ALTER TABLE documents ADD COLUMN data BLOB;
      ALTER TABLE documents ADD COLUMN source_hash TEXT;

      -- Existing Conditions/Procedures from the source system: shown beside the chart, never codes.
      CREATE TABLE chart_hints (
        chart_id TEXT NOT NULL REFERENCES charts(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('condition','procedure','reason')),
        system TEXT NOT NULL,
        code TEXT NOT NULL,
        display TEXT NOT NULL,
        PRIMARY KEY (chart_id, seq)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'work and result packages: profile keys, pinned cards, package log, conflicts',
    sql: `
      -- This profile's key pairs (X25519: packages encrypted to it; Ed25519: its signatures).
      -- The private halves live only here, inside the encrypted workspace.
      CREATE TABLE profile_keys (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        x25519_private BLOB NOT NULL,
        x25519_public BLOB NOT NULL,
        ed25519_private BLOB NOT NULL,
        ed25519_public BLOB NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Other profiles' public keys, pinned by fingerprint at first use or card import.
      CREATE TABLE pinned_cards (
        profile_id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        x25519_public BLOB NOT NULL,
        ed25519_public BLOB NOT NULL,
        fingerprint TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('local','card')),
        pinned_at TEXT NOT NULL
      ) STRICT;

      -- Every package made, opened or applied; seq is per (kind, sender, recipient).
      CREATE TABLE package_log (
        package_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('work','result')),
        direction TEXT NOT NULL CHECK (direction IN ('sent','opened','applied')),
        sender_id TEXT NOT NULL,
        recipient_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        charts INTEGER NOT NULL,
        summary_json TEXT NOT NULL,
        PRIMARY KEY (package_id, direction)
      ) STRICT;
      CREATE UNIQUE INDEX package_log_seq ON package_log(kind, direction, sender_id, recipient_id, seq);

      -- Charts a work package carried, with the state they had then (or at the last apply):
      -- the base against which "changed at home" and "changed in the result" are told apart.
      CREATE TABLE package_charts (
        package_id TEXT NOT NULL,
        chart_id TEXT NOT NULL REFERENCES charts(id) ON DELETE CASCADE,
        counterpart_id TEXT NOT NULL,
        base_hash TEXT NOT NULL,
        PRIMARY KEY (package_id, chart_id)
      ) STRICT;
      CREATE INDEX package_charts_chart ON package_charts(chart_id, counterpart_id);

      -- A chart changed at home and in a result package: both versions kept until a person chooses.
      CREATE TABLE package_conflicts (
        id INTEGER PRIMARY KEY,
        chart_id TEXT NOT NULL REFERENCES charts(id) ON DELETE CASCADE,
        package_id TEXT NOT NULL,
        sender_id TEXT NOT NULL,
        home_json TEXT NOT NULL,
        package_json TEXT NOT NULL,
        package_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        resolved_at TEXT,
        resolution TEXT CHECK (resolution IN ('home','package')),
        resolved_by TEXT
      ) STRICT;
      CREATE UNIQUE INDEX package_conflicts_open ON package_conflicts(chart_id) WHERE resolved_at IS NULL;

      -- The chart-level audit entries a coder's result package carried: their activity record.
      CREATE TABLE package_activity (
        sender_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        package_id TEXT NOT NULL,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        chart_id TEXT,
        detail_json TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (sender_id, seq)
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'activity: day figures per user and setting, assignments, projected from the audit trail',
    sql: `
      -- Chart-level entries are read per chart (active-time checks, assignment look-ups).
      CREATE INDEX audit_log_chart ON audit_log(chart_id, seq) WHERE chart_id IS NOT NULL;
      CREATE INDEX package_activity_chart ON package_activity(chart_id, sender_id, seq) WHERE chart_id IS NOT NULL;

      -- Derived from the activity events (this workspace's audit entries and those result packages
      -- carried) by services/activity/project.ts; rebuilt from them when the projection changes.
      -- Day is the UTC date of the event, so every workspace buckets an event the same way.
      CREATE TABLE activity_days (
        day TEXT NOT NULL,
        user_id TEXT NOT NULL,
        setting TEXT NOT NULL,
        opened INTEGER NOT NULL DEFAULT 0,
        active_seconds INTEGER NOT NULL DEFAULT 0,
        codes_changed INTEGER NOT NULL DEFAULT 0,
        submitted INTEGER NOT NULL DEFAULT 0,
        resubmitted INTEGER NOT NULL DEFAULT 0,
        held INTEGER NOT NULL DEFAULT 0,
        queries_sent INTEGER NOT NULL DEFAULT 0,
        queries_answered INTEGER NOT NULL DEFAULT 0,
        queries_agreed INTEGER NOT NULL DEFAULT 0,
        query_hours_sum REAL NOT NULL DEFAULT 0,
        charts_queried INTEGER NOT NULL DEFAULT 0,
        charts_audited INTEGER NOT NULL DEFAULT 0,
        assigned_hours_sum REAL NOT NULL DEFAULT 0,
        assigned_n INTEGER NOT NULL DEFAULT 0,
        service_days_sum REAL NOT NULL DEFAULT 0,
        service_n INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, user_id, setting)
      ) STRICT, WITHOUT ROWID;

      -- When a chart was assigned to a user: the work package's creation, or the import.
      CREATE TABLE activity_assignments (
        chart_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (chart_id, user_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'physician queries; first submissions by time for the backlog',
    sql: `
      -- A physician query about a chart: the draft as composed (question, format, options,
      -- clinical indicators with their spans), the answer, and the date of each status.
      CREATE TABLE queries (
        id TEXT PRIMARY KEY,
        chart_id TEXT NOT NULL REFERENCES charts(id) ON DELETE CASCADE,
        created_by TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft','sent','answered','cancelled','closed')),
        draft_json TEXT NOT NULL,
        answer_json TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        answered_at TEXT,
        cancelled_at TEXT,
        closed_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX queries_chart ON queries(chart_id, created_at);
      CREATE INDEX queries_status ON queries(status, chart_id);

      -- The backlog: charts not submitted (read from the index alone), and on a past day the
      -- charts whose first submission came after it.
      CREATE INDEX charts_backlog ON charts(status, assignee, discharge_date, id);
      CREATE INDEX submissions_first ON submissions(submitted_at, chart_id) WHERE version = 1;
    `,
  },
  {
    version: 8,
    name: 'second-level audits: samples, audits of a submitted version, typed findings and their outcomes',
    sql: `
      -- A drawn sample: the seed and the spec, so the same draw can be shown and checked.
      CREATE TABLE audit_samples (
        id TEXT PRIMARY KEY,
        drawn_by TEXT NOT NULL,
        drawn_at TEXT NOT NULL,
        seed TEXT NOT NULL,
        spec_json TEXT NOT NULL,
        population INTEGER NOT NULL,
        chart_ids_json TEXT NOT NULL
      ) STRICT;

      -- An auditor's re-coding of one submitted version of a chart.
      CREATE TABLE audits (
        id TEXT PRIMARY KEY,
        chart_id TEXT NOT NULL REFERENCES charts(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        coder_id TEXT NOT NULL,
        auditor_id TEXT NOT NULL,
        sample_id TEXT,
        mode TEXT NOT NULL CHECK (mode IN ('blind','review')),
        status TEXT NOT NULL CHECK (status IN ('in_progress','committed')),
        auditor_coding_json TEXT NOT NULL,
        started_at TEXT NOT NULL,
        committed_at TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (chart_id, version, auditor_id)
      ) STRICT;
      CREATE INDEX audits_coder ON audits(coder_id, committed_at);

      -- The typed differences found at commit, each with its outcome (rebuttal and decision).
      CREATE TABLE audit_findings (
        audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        coder_code TEXT,
        auditor_code TEXT,
        coder_line INTEGER,
        detail TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('open','agreed','rebutted','upheld','withdrawn')),
        coder_comment TEXT,
        auditor_comment TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, finding_id)
      ) STRICT;
    `,
  },
  {
    version: 9,
    name: 'team hub: the link (address, account, device token), leases held, the append-only outbox',
    sql: `
      -- This workspace's link to a team hub. The device token lives here, inside the encrypted workspace.
      CREATE TABLE hub_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        role TEXT NOT NULL,
        device_id TEXT NOT NULL,
        token TEXT NOT NULL,
        linked_at TEXT NOT NULL,
        last_sync_at TEXT,
        last_attempt_at TEXT,
        last_error TEXT
      ) STRICT;

      -- Charts checked out from the hub: the lease's fencing epoch, and how far the chart's trail has reached the hub.
      CREATE TABLE hub_leases (
        chart_id TEXT PRIMARY KEY REFERENCES charts(id),
        epoch INTEGER NOT NULL CHECK (epoch >= 1),
        lease_expires_at TEXT NOT NULL,
        checked_out_at TEXT NOT NULL,
        pushed_through_seq INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- One row per chart-level entry on a hub chart, with a client-made id. Rows are never deleted;
      -- each is answered once (applied, conflict, refused, or carried by a later row of its chart).
      CREATE TABLE hub_outbox (
        client_id TEXT PRIMARY KEY,
        chart_id TEXT NOT NULL,
        epoch INTEGER NOT NULL,
        audit_seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        outcome TEXT CHECK (outcome IN ('applied','conflict','refused','carried')),
        reason TEXT,
        sent_as TEXT
      ) STRICT;
      CREATE INDEX hub_outbox_waiting ON hub_outbox(chart_id, audit_seq) WHERE sent_at IS NULL;
      CREATE TRIGGER hub_outbox_no_delete BEFORE DELETE ON hub_outbox
        BEGIN SELECT RAISE(ABORT, 'the hub outbox is append-only'); END;
      CREATE TRIGGER hub_outbox_answered_once BEFORE UPDATE ON hub_outbox
        WHEN OLD.sent_at IS NOT NULL OR NEW.client_id IS NOT OLD.client_id OR NEW.chart_id IS NOT OLD.chart_id
          OR NEW.epoch IS NOT OLD.epoch OR NEW.audit_seq IS NOT OLD.audit_seq OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'an outbox entry is answered once and never rewritten'); END;
    `,
  },
  {
    version: 10,
    name: 'team hub: charts checked out for audit, and the audits the hub has',
    sql: `
      -- Submitted charts a hub leased to this auditor for second-level audit (read, never coded here).
      CREATE TABLE hub_audit_charts (
        chart_id TEXT PRIMARY KEY REFERENCES charts(id),
        coder_user_id TEXT NOT NULL,
        leased_at TEXT NOT NULL
      ) STRICT;
      -- The form of each committed audit the hub last stored, so a changed audit (a decision) goes again.
      CREATE TABLE hub_audit_pushes (
        audit_id TEXT PRIMARY KEY,
        wire_hash TEXT NOT NULL,
        pushed_at TEXT NOT NULL
      ) STRICT;
    `,
  },
];
