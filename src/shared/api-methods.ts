/**
 * Method names only, without zod, so the sandboxed preload can build one function per
 * method without bundling the schemas. contract.test.ts keeps this in step with contract.ts.
 */
export const METHOD_NAMES = [
  'profiles.list',
  'profiles.create',
  'session.status',
  'session.unlock',
  'session.recover',
  'session.lock',
  'session.activity',
  'settings.setIdleLock',
  'demo.load',
  'charts.list',
  'charts.get',
  'documents.get',
  'coding.get',
  'coding.save',
  'coding.validate',
  'charts.submit',
  'charts.hold',
  'charts.release',
  'codes.search',
  'codes.versions',
  'codes.import',
  'audit.verify',
  'audit.reanchor',
  'workspace.backup',
  'workspace.restore',
  'codes.show',
  'codes.browse',
  'codes.pcsBuild',
  'codes.tableSearch',
  'codes.changes',
  'claim.check',
] as const;
export const EVENT_NAMES = ['session.locked', 'session.unlocked', 'import.progress', 'charts.changed'] as const;
