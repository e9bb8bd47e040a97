/**
 * The Import charts screen: from the header, paths typed one per line, the ambulatory choice,
 * progress from main's events while it runs, then the counts and every refusal by file, line
 * and reason under the per-resource note.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChartImportSummary } from '../../../src/shared/chart-import';
import { fail } from '../fake-api';
import { coderProfile, unlockedStatus } from '../fixtures';
import { renderApp } from '../render-app';

const summary: ChartImportSummary = {
  created: 1214,
  updated: 0,
  unchanged: 0,
  flagged: 1,
  documents: { created: 1214, updated: 0, unchanged: 0, flagged: 0 },
  refused: [
    { file: '/exports/bulk/DocumentReference.000.ndjson', line: 88, reason: 'document for an encounter not imported: Encounter/e-88' },
    { file: '/exports/bulk/Encounter.000.ndjson', line: 12, reason: 'Encounter/e-12: the class VR (virtual) is not a setting CodeDesk codes' },
  ],
  note: 'refusals are per resource; the rest of each file was imported',
};

async function openImport() {
  fireEvent.click(await within(await screen.findByRole('banner')).findByRole('button', { name: 'Import charts' }));
  return screen.findByRole('main', { name: 'Import charts' });
}

describe('the Import charts screen', () => {
  it('imports the typed paths with the ambulatory choice, shows progress, then the counts and each refusal', async () => {
    let finish: (s: ChartImportSummary) => void = () => undefined;
    const api = renderApp({ 'charts.import': () => new Promise<ChartImportSummary>((resolve) => (finish = resolve)) });
    const main = await openImport();
    fireEvent.change(within(main).getByLabelText('Exports to import'), { target: { value: '"/exports/bulk"\n\n/exports/adt.hl7\n' } });
    fireEvent.click(within(main).getByRole('radio', { name: 'Professional fee charts' }));
    fireEvent.click(within(main).getByRole('button', { name: 'Import' }));
    expect(await within(main).findByRole('progressbar', { name: 'Import progress' })).toBeTruthy();
    expect(api.inputs('charts.import')).toEqual([{ paths: ['/exports/bulk', '/exports/adt.hl7'], ambulatorySetting: 'professional' }]);

    act(() => api.emit('charts.import.progress', { itemsRead: 500, chartsWritten: 480, documentsWritten: 0, refused: 1 }));
    expect(within(main).getByText('500 resources read')).toBeTruthy();
    expect(within(main).getByText('480 charts and 0 documents written · 1 refused')).toBeTruthy();

    await act(async () => finish(summary));
    const result = await within(main).findByRole('region', { name: 'Import summary' });
    expect(within(result).getByRole('status').textContent).toBe('Import finished: 1,214 charts created, 0 updated, 0 unchanged, 1 flagged; 2 refused.');
    expect(within(result).getByText(/Flagged: the source changed after these charts were submitted/)).toBeTruthy();
    expect(within(result).getByRole('heading', { name: 'Refused — refusals are per resource; the rest of each file was imported' })).toBeTruthy();
    const refused = within(result).getByRole('table', { name: 'Refused resources' });
    expect(within(refused).getByRole('row', { name: /DocumentReference\.000\.ndjson 88 document for an encounter not imported: Encounter\/e-88/ })).toBeTruthy();
    expect(within(refused).getByRole('row', { name: /Encounter\.000\.ndjson 12 Encounter\/e-12/ })).toBeTruthy();
    expect(within(main).queryByRole('progressbar')).toBeNull();
  });

  it('says plainly when a path is not an export, and that earlier batches stay', async () => {
    renderApp({ 'charts.import': () => fail('IMPORT_FAILED', 'roster.xlsx is not a FHIR or HL7 v2 export: it is neither JSON nor HL7 v2 (no MSH segment).') });
    const main = await openImport();
    fireEvent.change(within(main).getByLabelText('Exports to import'), { target: { value: '/exports/roster.xlsx' } });
    fireEvent.click(within(main).getByRole('button', { name: 'Import' }));
    const alert = await within(main).findByRole('alert');
    expect(alert.textContent).toContain('roster.xlsx is not a FHIR or HL7 v2 export');
    expect(within(main).queryByRole('region', { name: 'Import summary' })).toBeNull();
  });

  it('is not offered to auditors, who review only', async () => {
    const auditor = { ...coderProfile, role: 'auditor' as const };
    renderApp({ 'session.status': () => ({ ...unlockedStatus, profile: auditor }), 'profiles.list': () => [auditor] });
    const banner = await screen.findByRole('banner');
    await within(banner).findByRole('button', { name: 'Code sets' });
    expect(within(banner).queryByRole('button', { name: 'Import charts' })).toBeNull();
  });
});

describe('an empty queue', () => {
  it('offers Import charts beside the demo', async () => {
    renderApp({}, 0);
    fireEvent.click(await screen.findByRole('button', { name: 'Import charts…' }));
    expect(await screen.findByRole('main', { name: 'Import charts' })).toBeTruthy();
  });
});
