import { describe, expect, it } from 'vitest';
import { appliedText, openedText, packagedText, resultText } from '../../../src/renderer/features/packages/outcome-text';

const person = { profileId: 'p1', displayName: 'Lee Coder', fingerprint: 'AB:CD' };

describe('package outcome lines', () => {
  it('count one chart, one conflict and one activity entry in the singular', () => {
    expect(appliedText({ packageId: 'k', seq: 1, alreadyApplied: false, applied: ['IP-1'], unchanged: 2, conflicts: ['IP-2'], activity: 3 })).toBe(
      'Applied result number 1: 1 chart updated, 2 unchanged, 1 conflict.',
    );
    expect(resultText({ packageId: 'k', path: '/r', bytes: 1, charts: 1, seq: 2, activity: 1 })).toBe('Result package number 2: 1 chart, 1 activity entry.');
    expect(openedText({ packageId: 'k', sender: person, charts: 1, chartIds: ['IP-1'], expiresAt: '2027-01-01T00:00:00Z', assignedAt: '2026-01-01T00:00:00.000Z', audits: 0, alreadyOpened: false, missingCodeSets: [] })).toBe(
      'Opened 1 chart from Lee Coder.',
    );
    const recipient = { ...person, role: 'coder' as const, source: 'local' as const };
    expect(packagedText({ packageId: 'k', path: '/p', bytes: 1, charts: 1, seq: 1, expiresAt: '2027-01-01T00:00:00Z', codeSets: [], recipient })).toBe(
      'Package for Lee Coder: 1 chart, expires 2027-01-01.',
    );
  });

  it('count several in the plural and say when a package or result was seen before', () => {
    expect(appliedText({ packageId: 'k', seq: 1, alreadyApplied: false, applied: ['a', 'b'], unchanged: 0, conflicts: [], activity: 0 })).toBe(
      'Applied result number 1: 2 charts updated, 0 unchanged, 0 conflicts.',
    );
    expect(appliedText({ packageId: 'k', seq: 1, alreadyApplied: true, applied: [], unchanged: 0, conflicts: [], activity: 0 })).toBe(
      'This result was applied before: nothing changed.',
    );
    expect(openedText({ packageId: 'k', sender: person, charts: 3, chartIds: [], expiresAt: '', assignedAt: '2026-01-01T00:00:00.000Z', audits: 0, alreadyOpened: true, missingCodeSets: [] })).toBe(
      'This package was opened before: nothing changed.',
    );
  });
});
