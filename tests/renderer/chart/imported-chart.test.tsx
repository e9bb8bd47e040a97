/** An imported chart: facility, attending and location in the header; the source's hints; the source-changed flag in header and queue. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChartDetail, ChartSource } from '../../../src/shared/domain';
import { chartDetail, chartRow } from '../fixtures';
import { renderApp, renderChart } from '../render-app';

const source: ChartSource = {
  format: 'fhir',
  sourceRef: 'Encounter/enc-ip-1',
  facility: 'Riverside General Hospital',
  attending: 'Dr. Ngozi Okafor',
  location: 'Cardiology Ward 5B',
  lastImportedAt: '2026-04-01T10:00:00Z',
  changedAfterSubmitAt: null,
  pending: null,
};
const hints: ChartDetail['hints'] = [
  { kind: 'reason', system: 'http://snomed.info/sct', code: '401303003', display: 'Acute non-ST segment elevation myocardial infarction' },
  { kind: 'condition', system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' },
];
const flaggedSource: ChartSource = {
  ...source,
  changedAfterSubmitAt: '2026-04-02T08:00:00Z',
  pending: { fields: ['dischargeDate', 'payer'], hintsChanged: false, documentsAdded: 1, documentsChanged: 0 },
};

describe('an imported chart', () => {
  it('shows where it came from and the source system’s hints, labelled as not codes', async () => {
    renderChart({ 'charts.get': () => chartDetail({ source, hints }) });
    const facts = await screen.findByText('Riverside General Hospital');
    expect(facts.closest('.fact')?.querySelector('dt')?.textContent).toBe('Facility');
    expect(screen.getByText('Dr. Ngozi Okafor').closest('.fact')?.querySelector('dt')?.textContent).toBe('Attending');
    expect(screen.getByText('Cardiology Ward 5B').closest('.fact')?.querySelector('dt')?.textContent).toBe('Location');
    const panel = screen.getByRole('region', { name: 'From the source system' });
    expect(within(panel).getByText('Not codes — for reference')).toBeTruthy();
    expect(within(within(panel).getByRole('list', { name: 'Conditions' })).getByText('SNOMED CT 44054006')).toBeTruthy();
    expect(within(panel).getByRole('list', { name: 'Reasons for the visit' }).textContent).toContain('Acute non-ST segment elevation myocardial infarction');
    expect(screen.queryByText('Source changed after submit')).toBeNull();
  });

  it('a demo chart has neither source facts nor a hints panel', async () => {
    renderChart();
    await screen.findByText('Avery Testpatient');
    expect(screen.queryByRole('region', { name: 'From the source system' })).toBeNull();
    expect(screen.queryByText('Facility')).toBeNull();
  });

  it('a submitted chart whose source changed: flagged with what changed, nothing to apply until reopened', async () => {
    renderChart({ 'charts.get': () => chartDetail({ status: 'submitted', source: flaggedSource, hints }) });
    expect(await screen.findByText('Source changed after submit', { selector: '.badge' })).toBeTruthy();
    expect(screen.getByText('2026-04-02: discharge date, payer changed · 1 document added — reopen for correction to apply')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apply source changes' })).toBeNull();
  });

  it('once reopened, “Apply source changes” applies it and the flag goes', async () => {
    const applied = chartDetail({ status: 'in_progress', version: 2, payer: 'Aetna', source, hints });
    const api = renderChart({
      'charts.get': () => chartDetail({ status: 'in_progress', version: 2, source: flaggedSource, hints }),
      'charts.applySourceChanges': () => applied,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Apply source changes' }));
    await waitFor(() => expect(screen.queryByText('Source changed after submit', { selector: '.badge' })).toBeNull());
    expect(api.inputs('charts.applySourceChanges')).toEqual([{ chartId: 'C-00001' }]);
    expect(screen.getByText('Aetna')).toBeTruthy();
    expect(screen.getByText('Source changes applied: discharge date, payer changed · 1 document added.')).toBeTruthy();
  });

  it('the queue marks a chart whose source changed after submit', async () => {
    renderApp({ 'charts.list': () => ({ rows: [chartRow(1, { status: 'submitted', sourceChanged: true }), chartRow(2)], total: 2 }) });
    const table = await screen.findByRole('grid', { name: 'Chart queue' });
    const flagged = await within(table).findByRole('row', { name: /C-00001/ });
    expect(within(flagged).getByText('Source changed').getAttribute('title')).toMatch(/^Source changed after submit/);
    expect(within(within(table).getByRole('row', { name: /C-00002/ })).queryByText('Source changed')).toBeNull();
  });
});
