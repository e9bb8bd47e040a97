import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../../src/shared/api-methods';
import { contract, type EventMap } from '../../src/shared/contract';

describe('the API contract', () => {
  it('lists every method once in the schema-free name table the preload uses', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
  });

  it('lists every event', () => {
    const events: Record<keyof EventMap, true> = {
      'session.locked': true,
      'session.unlocked': true,
      'import.progress': true,
      'charts.changed': true,
      'charts.import.progress': true,
      'hub.state': true,
    };
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });

  it('declares who may call each method; only login and code-set content (no PHI) are public', () => {
    const publicMethods = Object.entries(contract)
      .filter(([, def]) => def.access === 'public')
      .map(([name]) => name)
      .sort();
    expect(publicMethods).toEqual([
      'claim.check',
      'codes.browse',
      'codes.changes',
      'codes.import',
      'codes.pcsBuild',
      'codes.search',
      'codes.show',
      'codes.sourceFiles',
      'codes.tableSearch',
      'codes.versions',
      'profiles.create',
      'profiles.list',
      // Opens an export file with the passphrase it was written with; reads nothing of a workspace, so the receiving side needs no profile.
      'results.decrypt',
      'session.lock',
      'session.recover',
      'session.status',
      'session.unlock',
      // An unlock that puts a backup in place: it asks for the passphrase like session.unlock.
      'workspace.restore',
    ]);
    expect(contract['coding.save'].access).not.toContain('supervisor');
  });

  it('rejects unknown keys in every object input (strict schemas)', () => {
    for (const [name, def] of Object.entries(contract)) {
      const parsed = def.input.safeParse({ __unexpected: 1 });
      expect(parsed.success, name).toBe(false);
    }
  });
});
