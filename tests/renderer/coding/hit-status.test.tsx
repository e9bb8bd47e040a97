/** Result rows for a code not in force (terminated, typed exactly) and for a partial match. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CodeHit } from '../../../src/shared/domain';
import { CodeResults, sameHit } from '../../../src/renderer/features/coding/CodeResults';
import { usePicker } from '../../../src/renderer/features/coding/picker-store';
import { useCoding } from '../../../src/renderer/features/coding/coding-store';
import { notInForceReason } from '../../../src/renderer/features/coding/hit-status';

const terminated: CodeHit = {
  system: 'hcpcs',
  code: 'J2310',
  title: 'Injection, naloxone hydrochloride, per 1 mg',
  billable: false,
  terminated: { on: '2025-06-30', replacedBy: ['J2312'] },
};
const showing = (results: CodeHit[]) => act(() => usePicker.setState({ results, active: 0 }));

describe('a terminated code in the results', () => {
  it('shows the termination date and the replacement instead of a billable flag', () => {
    render(<CodeResults />);
    showing([terminated, { ...terminated, code: 'J1030', terminated: { on: '2024-03-31', replacedBy: [] } }]);
    const [j2310, j1030] = screen.getAllByRole('option');
    expect(j2310!.textContent).toContain('Terminated 2025-06-30 — replaced by J2312');
    expect(j2310!.textContent).not.toMatch(/billable/);
    expect(j1030!.textContent).toContain('Terminated 2024-03-31');
    expect(j1030!.textContent).not.toContain('replaced by');
  });

  it('is not added when picked: the coder is told why', () => {
    const addCode = vi.spyOn(useCoding.getState(), 'addCode');
    render(<CodeResults />);
    showing([terminated]);
    fireEvent.click(screen.getByRole('option'));
    expect(addCode).not.toHaveBeenCalled();
    expect(usePicker.getState().message).toBe('J2310 was terminated on 2025-06-30: replaced by J2312. It cannot be added.');
    addCode.mockRestore();
  });

  it('says when a code starts later', () => {
    const later: CodeHit = { system: 'hcpcs', code: 'J9999', title: 'New', billable: false, startsOn: '2026-04-01' };
    expect(notInForceReason(later)).toBe('J9999 is in force only from 2026-04-01. It cannot be added for this date.');
    render(<CodeResults />);
    showing([later]);
    expect(screen.getByRole('option').textContent).toContain('In force from 2026-04-01');
  });

  it('renders again when only the termination changes', () => {
    expect(sameHit(terminated, { ...terminated })).toBe(true);
    expect(sameHit(terminated, { ...terminated, terminated: { on: '2025-06-30', replacedBy: [] } })).toBe(false);
    expect(sameHit(terminated, { ...terminated, terminated: undefined })).toBe(false);
  });
});

describe('a partial match', () => {
  it('lists the typed words that were ignored on a muted line under the hit', () => {
    render(<CodeResults />);
    const hit: CodeHit = { system: 'icd10cm', code: 'I48.91', title: 'Unspecified atrial fibrillation', billable: true, matchedBy: { kind: 'partial', text: 'rvr, new' } };
    showing([hit]);
    const line = screen.getByText('Ignored: rvr, new');
    expect(line.className).toBe('matched-by matched-partial');
    expect(screen.getByRole('option').textContent).toContain('billable');
  });
});

describe('a pair', () => {
  it('says which code the hit goes with when no code covers every concept typed', () => {
    render(<CodeResults />);
    const hit: CodeHit = { system: 'icd10cm', code: 'N17.9', title: 'Acute kidney failure, unspecified', billable: true, matchedBy: { kind: 'pair', text: 'with N18.32' } };
    showing([hit]);
    expect(screen.getByText('Pair: with N18.32').className).toBe('matched-by matched-pair');
  });
});
