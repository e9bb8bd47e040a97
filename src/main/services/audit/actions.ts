/** Every action the audit trail records. A name not in this list is refused. */
export const AUDIT_ACTIONS = [
  'profile.create',
  'session.unlock',
  // Only recordable while a workspace is open (e.g. a re-authentication inside a session).
  'session.unlock_failed',
  'session.lock',
  'session.recover',
  'chart.open',
  'document.view',
  'coding.change',
  'chart.submit',
  'chart.submit_blocked',
  'chart.hold',
  'chart.release',
  'export',
  'demo.load',
  'codes.import',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
