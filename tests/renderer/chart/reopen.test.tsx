import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChartDetail, ChartVersions, Coding } from '../../../src/shared/domain';
import { diffVersions } from '../../../src/renderer/features/chart/version-diff';
import { fail, type Handlers } from '../fake-api';
import { chartDetail, coderProfile, unlockedStatus } from '../fixtures';
import { renderChart } from '../render-app';

const V1: Coding = {
  diagnoses: [
    { code: 'J18.9', poa: 'Y' },
    { code: 'I10', poa: 'Y' },
    { code: 'N18.3', poa: 'Y' },
  ],
  procedures: [],
};
const V2: Coding = {
  diagnoses: [
    { code: 'J18.9', poa: 'Y' },
    { code: 'I10', poa: 'N' },
    { code: 'E11.9', poa: 'Y' },
  ],
  procedures: [],
};

const submitted = chartDetail({ status: 'submitted' });
const reopened: ChartDetail = chartDetail({
  status: 'in_progress',
  version: 2,
  reopened: { version: 2, reason: 'audit_finding', note: 'CKD stage not documented', at: '2026-03-10T09:30:00Z', by: coderProfile.id },
});
const versions: ChartVersions = {
  chartId: 'C-00001',
  current: 2,
  submissions: [{ version: 1, coding: V1, submittedAt: '2026-03-05T14:00:00Z', submittedBy: coderProfile.id }],
  reopens: [reopened.reopened!],
};

async function openSubmitted(overrides: Handlers = {}) {
  let detail = submitted;
  const api = renderChart({
    'charts.get': () => detail,
    'coding.get': () => ({ coding: V1, revision: 3 }),
    'charts.reopen': () => (detail = reopened),
    'charts.versions': () => versions,
    ...overrides,
  });
  await screen.findByText('Avery Testpatient');
  return api;
}

const header = () => screen.getAllByRole('banner').find((b) => b.classList.contains('chart-header'))!;

describe('reopening a submitted chart', () => {
  it('asks for a reason, reopens as v2, and shows v1 beside it with the header tag', async () => {
    const api = await openSubmitted();
    expect(screen.queryByRole('combobox', { name: 'Search codes' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reopen for correction…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reopen for correction' });
    expect(dialog.textContent).toContain('Submitted v1 stays as it was');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen as v2' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Choose why the chart is reopened.');
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'other' } });
    expect(within(dialog).queryByRole('alert')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen as v2' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Say in the note why the chart is reopened.');
    expect(api.inputs('charts.reopen')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'audit_finding' } });
    fireEvent.change(within(dialog).getByLabelText('Note (optional)'), { target: { value: ' CKD stage not documented ' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen as v2' })));
    expect(api.inputs('charts.reopen')).toEqual([{ chartId: 'C-00001', reason: 'audit_finding', note: 'CKD stage not documented' }]);
    expect(dialog.isConnected).toBe(false);

    expect(header().textContent).toContain('v2 (reopened: Audit finding)');
    expect(header().textContent).toContain('In progress');
    expect(screen.getByRole('combobox', { name: 'Search codes' })).toBeTruthy();
    const panel = await screen.findByRole('region', { name: 'Submitted v1' });
    expect(panel.textContent).toContain('No changes yet');
    expect(panel.textContent).toContain('Audit finding — CKD stage not documented');
  });

  it('marks what changed between the submitted version and the codes now', async () => {
    await openSubmitted({ 'charts.get': () => reopened, 'coding.get': () => ({ coding: V2, revision: 4 }) });
    const panel = await screen.findByRole('region', { name: 'Submitted v1' });
    await waitFor(() => expect(panel.textContent).toContain('3 changes: 1 added, 1 removed, 1 changed'));
    const row = (code: string) => within(panel).getByText(code).closest('tr')!;
    expect(row('E11.9').textContent).toBe('E11.9—POA YAdded');
    expect(row('N18.3').textContent).toBe('N18.3POA Y—Removed');
    expect(row('I10').textContent).toBe('I10POA YPOA NChanged');
    expect(row('J18.9').textContent).toBe('J18.9POA YPOA Y');
    expect(header().textContent).toContain('v2 (reopened: Audit finding)');
  });

  it('a refused reopen keeps the dialog open with the message; a supervisor has no reopen action', async () => {
    await openSubmitted({ 'charts.reopen': () => fail('CONFLICT', 'Only a submitted chart can be reopened; this one is still open for coding.') });
    fireEvent.click(screen.getByRole('button', { name: 'Reopen for correction…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reopen for correction' });
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'coder_correction' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen as v2' })));
    expect(within(dialog).getByRole('alert').textContent).toContain('Only a submitted chart can be reopened');
    expect((within(dialog).getByLabelText('Reason') as HTMLSelectElement).value).toBe('coder_correction');
    expect(header().textContent).toContain('Submitted');
  });

  it('a supervisor sees no reopen action', async () => {
    const supervisor = { ...unlockedStatus, profile: { ...coderProfile, role: 'supervisor' as const } };
    await openSubmitted({ 'session.status': () => supervisor, 'session.unlock': () => supervisor });
    expect(screen.queryByRole('button', { name: 'Reopen for correction…' })).toBeNull();
  });
});

describe('diffVersions', () => {
  it('flags a new principal diagnosis as moved, and procedure changes by modifier, units or date', () => {
    const lines = diffVersions(
      { diagnoses: [{ code: 'A', poa: null }, { code: 'B', poa: null }], procedures: [{ system: 'cpt', code: '99213', modifiers: [], units: 1, date: null }] },
      { diagnoses: [{ code: 'B', poa: null }, { code: 'A', poa: null }], procedures: [{ system: 'cpt', code: '99213', modifiers: ['25'], units: 1, date: null }] },
    );
    expect(lines.map((l) => [l.code, l.change])).toEqual([
      ['B', 'moved'],
      ['A', 'moved'],
      ['99213', 'changed'],
    ]);
  });
});
