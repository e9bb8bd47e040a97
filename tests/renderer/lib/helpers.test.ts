import { describe, expect, it } from 'vitest';
import { addCode, move, parseModifiers } from '../../../src/renderer/features/coding/coding-edit';
import { demoBadgeText, demoOnlySystems, unverifiedVersions, versionInForce, versionLabel } from '../../../src/renderer/features/codesets/versions';
import { isChartSortKey } from '../../../src/renderer/features/queue/queue-columns';
import { isOverdue } from '../../../src/renderer/lib/dates';
import { debounce } from '../../../src/renderer/lib/debounce';
import { describeError } from '../../../src/renderer/lib/errors';
import { SYSTEM_LABELS } from '../../../src/renderer/lib/labels';
import { throttle } from '../../../src/renderer/lib/throttle';
import { demoVersion } from '../fixtures';

describe('renderer helpers', () => {
  it('a queue column is a sort key only when charts.list accepts it', () => {
    expect(isChartSortKey('dueDate')).toBe(true);
    expect(isChartSortKey('patientName')).toBe(false);
  });

  it('throttle lets one call through per interval', () => {
    let t = 0;
    let n = 0;
    const f = throttle(() => n++, 30_000, () => t);
    f();
    t = 29_999;
    f();
    t = 30_000;
    f();
    expect(n).toBe(2);
  });

  it('debounce.flush runs the pending call at once; cancel drops it', () => {
    const seen: number[] = [];
    const d = debounce((x: number) => seen.push(x), 10_000);
    d(1);
    d(2);
    expect(d.flush()).toBe(true);
    expect(d.flush()).toBe(false);
    d(3);
    d.cancel();
    expect(seen).toEqual([2]);
  });

  it('demo badge: a system whose only versions are demo subsets', () => {
    const full = { ...demoVersion, id: 2, isDemo: false, system: 'icd10pcs' as const };
    expect(demoOnlySystems([demoVersion, full])).toEqual(['icd10cm']);
    expect(demoOnlySystems([demoVersion, { ...demoVersion, id: 3, isDemo: false }])).toEqual([]);
  });

  it('demo badge text: the whole subset, then the systems still demo, then nothing', () => {
    const cmOfficial = { ...demoVersion, id: 3, isDemo: false };
    const hcpcsDemo = { ...demoVersion, id: 4, system: 'hcpcs' as const };
    expect(demoBadgeText([demoVersion, hcpcsDemo], SYSTEM_LABELS)).toBe('Demo code subset');
    expect(demoBadgeText([demoVersion, hcpcsDemo, cmOfficial], SYSTEM_LABELS)).toBe('Demo: HCPCS');
    expect(demoBadgeText([demoVersion, cmOfficial], SYSTEM_LABELS)).toBeNull();
    expect(demoBadgeText([], SYSTEM_LABELS)).toBeNull();
  });

  it('versionLabel says demo or unverified; unverifiedVersions leaves demo and verified versions out', () => {
    const verified = { ...demoVersion, id: 5, isDemo: false, verified: true };
    const unverified = { ...demoVersion, id: 6, isDemo: false, verified: false, label: 'FY2027' };
    expect([demoVersion, verified, unverified].map(versionLabel)).toEqual(['FY2026 (demo)', 'FY2026', 'FY2027 (unverified)']);
    expect(unverifiedVersions([demoVersion, verified, unverified])).toEqual([unverified]);
  });

  it('versionInForce picks the version whose dates include the coding date', () => {
    const fy25 = { ...demoVersion, id: 4, label: 'FY2025', effectiveFrom: '2024-10-01', effectiveTo: '2025-09-30' };
    expect(versionInForce([fy25, demoVersion], 'icd10cm', '2025-09-30')?.label).toBe('FY2025');
    expect(versionInForce([fy25, demoVersion], 'icd10cm', '2025-10-01')?.label).toBe('FY2026');
    expect(versionInForce([fy25, demoVersion], 'icd10pcs', '2025-10-01')).toBeNull();
  });

  it('overdue means due before today', () => {
    expect(isOverdue('2026-03-01', '2026-03-02')).toBe(true);
    expect(isOverdue('2026-03-02', '2026-03-02')).toBe(false);
  });

  it('parses modifiers and refuses bad ones', () => {
    expect(parseModifiers(' 25,lt  59 ')).toEqual({ modifiers: ['25', 'LT', '59'], problem: null });
    expect(parseModifiers('25 59 LT RT XS').problem).toMatch(/At most 4/);
    expect(parseModifiers('2').problem).toMatch(/2 letters/);
  });

  it('addCode refuses duplicates and headers; move ignores out-of-range moves', () => {
    const coding = { diagnoses: [{ code: 'I10', poa: null }], procedures: [] };
    expect(addCode(coding, { system: 'icd10cm', code: 'I10', title: '', billable: true }).added).toBe(false);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b']);
  });

  it('describeError adds the retry-after delay', () => {
    expect(describeError({ code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase.' })).toBe('Wrong passphrase.');
    expect(describeError({ code: 'TOO_MANY_ATTEMPTS', message: 'Wait.', detail: { retryAfter: 4.2 } })).toBe('Wait. Try again in 5 seconds.');
    expect(describeError({ code: 'TOO_MANY_ATTEMPTS', message: 'Wait.', detail: { retryAfterSeconds: 1 } })).toBe('Wait. Try again in 1 second.');
  });
});
