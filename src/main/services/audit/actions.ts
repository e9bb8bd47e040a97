/** Every action the audit trail records. A name not in this list is refused. */
export const AUDIT_ACTIONS = [
  'profile.create',
  'session.unlock',
  // Only recordable while a workspace is open (e.g. a re-authentication inside a session).
  'session.unlock_failed',
  'session.lock',
  'session.recover',
  'chart.open',
  // Active time on a chart since the last such entry (seconds, and the idle threshold used): no content.
  'chart.activity',
  'document.view',
  'coding.change',
  'chart.submit',
  'chart.submit_blocked',
  'chart.hold',
  'chart.release',
  'export',
  'demo.load',
  'codes.import',
  'settings.change',
  'workspace.backup',
  // A backup put in place of the workspace: the entries after the backup's head are gone, and this says so.
  'workspace.restore',
  // The user acknowledged a trail that no longer matched its seal; the finding is on the record.
  'audit.reanchor',
  // A submitted chart reopened for correction as its next version (reason kind and versions; the note stays off the trail).
  'chart.reopen',
  // One entry per committed batch of a chart import: counts and chart ids, no patient data.
  'charts.import',
  // A source change that arrived after submit, applied by a coder to the reopened chart (field names and counts).
  'chart.source_apply',
  // Physician queries: ids, template, format and counts only (the question and the cited text stay off the trail).
  'query.draft',
  'query.send',
  'query.answer',
  'query.cancel',
  'query.close',
  'query.export',
  // Second-level audits: the sample (seed, size, population), an audit started, its codes saved, committed (finding counts).
  'audit.sample',
  'audit.start',
  'audit.save',
  'audit.complete',
  // A coder agreed with or rebutted a finding; the auditor upheld or withdrew a rebuttal (comments stay off the trail).
  'audit.respond',
  'audit.decide',
  // A report written to a file (which report, format, period, row count, bytes, hash; ids only).
  'report.export',
  // Coded results written to a file (format, counts, encrypted or plain, file hashes; never ids or codes).
  'results.export',
  // Work and result packages (ids, counts and the other profile's id; never chart content).
  'package.create',
  'package.open',
  'package.result',
  'package.apply',
  // A conflict between home and a result package, resolved by a person: keep home or take package.
  'package.resolve',
  // This profile's package key pairs made (profiles from before packages get them at first need).
  'profile.keys_create',
  'profile.card_export',
  // Another profile's card pinned by its fingerprint.
  'profile.card_import',
  // The team hub: this workspace linked to an account on a hub, or unlinked (user and device ids, never the token).
  'hub.link',
  'hub.unlink',
  // A chart checked out from the hub under a lease (its fencing epoch and when the lease ends).
  'hub.checkout',
  // Outbox entries sent to the hub and its answers (counts only).
  'hub.push',
  // A submitted chart the hub leased to this auditor for audit; audits sent to the hub (ids and counts).
  'hub.audit_checkout',
  'hub.audit_push',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
