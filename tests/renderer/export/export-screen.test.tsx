/** The Export screen: choose submitted charts, see what will be written, write it encrypted or (confirmed) plain. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useExport } from '../../../src/renderer/features/export/export-store';
import type { ExportPreview } from '../../../src/shared/results';
import { fail, type Handlers } from '../fake-api';
import { renderApp } from '../render-app';

const row = (chartId: string, i: number) => ({ chartId, version: i === 0 ? 2 : 1, submittedAt: `2026-08-0${i + 1}T10:00:00.000Z`, setting: 'inpatient' as const, diagnoses: 3, procedures: 1 });
const IDS = ['IP-1', 'IP-2', 'PF-3'];

function preview(ids: readonly string[]): ExportPreview {
  return {
    total: ids.length,
    charts: ids.map(row),
    counts: { fhir: { claims: ids.length }, hl7: { messages: ids.length, segments: 8 * ids.length }, csv: { rows: 4 * ids.length } },
    sample: ids.length ? { chartId: ids[0]!, fhir: '{\n  "resourceType": "Claim"\n}', hl7: 'MSH|^~\\&|CODEDESK\nEVN|P12', csv: 'chart_id,version\nIP-1,2' } : null,
  };
}

const handlers: Handlers = {
  // Nothing was submitted from 2030 on.
  'results.preview': ({ selection }) => preview((selection?.since ?? '') >= '2030' ? [] : (selection?.chartIds ?? IDS)),
  'results.export': ({ format, path, selection, plain }) => ({ path, format, charts: selection?.chartIds?.length ?? 3, codes: 12, bytes: 2048, encrypted: !plain }),
};

async function openExport(overrides: Handlers = {}) {
  const api = renderApp({ ...handlers, ...overrides });
  await screen.findByRole('grid', { name: 'Chart queue' });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export' })));
  await screen.findByRole('table', { name: 'Submitted charts to export' });
  return api;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const writeButton = () => screen.getByRole('button', { name: /^Write (FHIR|HL7|CSV) file$/ }) as HTMLButtonElement;

describe('the Export screen', () => {
  it('lists the submitted charts with counts per format and previews the first record in the chosen format', async () => {
    await openExport();
    const table = screen.getByRole('table', { name: 'Submitted charts to export' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('v2')).toBeTruthy();
    expect(screen.getByText('All 3 charts')).toBeTruthy();
    expect(screen.getByText('3 claims')).toBeTruthy();
    expect(screen.getByText('3 messages, 24 segments')).toBeTruthy();
    expect(screen.getByText('12 rows')).toBeTruthy();
    expect(screen.getByLabelText('Preview of one record').textContent).toContain('"resourceType": "Claim"');
    fireEvent.click(screen.getByRole('radio', { name: /HL7 v2 BAR\^P12/ }));
    expect(screen.getByLabelText('Preview of one record').textContent).toContain('MSH|^~\\&|CODEDESK');
    expect(screen.getByText(/Preview: chart IP-1 as HL7 v2 BAR\^P12/)).toBeTruthy();
  });

  it('writes an encrypted file with the export passphrase, says where, and forgets the passphrase', async () => {
    const api = await openExport();
    expect(writeButton().disabled).toBe(true);
    type('New file (full path)', '/media/usb/claims.json.cdx');
    type('Export passphrase', 'vellum otter quarry lantern');
    type('Again', 'vellum otter quarry lant');
    expect(screen.getByText('The two passphrases differ.')).toBeTruthy();
    expect(writeButton().disabled).toBe(true);
    type('Again', 'vellum otter quarry lantern');
    await act(async () => fireEvent.click(writeButton()));
    expect(api.inputs('results.export')).toEqual([
      { format: 'fhir', path: '/media/usb/claims.json.cdx', selection: {}, plain: false, passphrase: 'vellum otter quarry lantern' },
    ]);
    expect(screen.getByText(/Wrote 3 charts \(12 codes, 2 KB\) to \/media\/usb\/claims\.json\.cdx, encrypted\. The export is on the audit trail\./)).toBeTruthy();
    expect((screen.getByLabelText('Export passphrase') as HTMLInputElement).value).toBe('');
  });

  it('exports only the ticked charts, within the dates chosen', async () => {
    const api = await openExport();
    type('Submitted from (UTC)', '2026-08-01');
    type('to', '2026-08-31');
    await screen.findByText('All 3 charts in these dates');
    await act(async () => fireEvent.click(screen.getByRole('checkbox', { name: 'Export PF-3' })));
    expect(screen.getByText('1 of 3 chosen')).toBeTruthy();
    expect(api.inputs('results.preview').at(-1)).toEqual({ selection: { since: '2026-08-01', until: '2026-08-31', chartIds: ['PF-3'] }, rowLimit: 1 });
    expect(screen.getByText('1 claim')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /CSV/ }));
    type('New file (full path)', '/tmp/codes.csv.cdx');
    type('Export passphrase', 'vellum otter quarry lantern');
    type('Again', 'vellum otter quarry lantern');
    await act(async () => fireEvent.click(writeButton()));
    expect(api.inputs('results.export')[0]).toMatchObject({ format: 'csv', selection: { since: '2026-08-01', until: '2026-08-31', chartIds: ['PF-3'] } });
  });

  it('writes plain only after a confirmation that says anyone with the file can read it', async () => {
    const api = await openExport();
    fireEvent.click(screen.getByRole('button', { name: 'Write a plain file instead…' }));
    const dialog = screen.getByRole('dialog', { name: 'Write a plain file?' });
    expect(dialog.textContent).toContain('Anyone who has the file can read it');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it encrypted' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText('Export passphrase')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Write a plain file instead…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Write plain files' }));
    expect(screen.getByRole('note').textContent).toMatch(/Plain file: anyone who has it can read/);
    expect(screen.queryByLabelText('Export passphrase')).toBeNull();
    type('New file (full path)', '/tmp/claims.json');
    await act(async () => fireEvent.click(writeButton()));
    expect(api.inputs('results.export')).toEqual([{ format: 'fhir', path: '/tmp/claims.json', selection: {}, plain: true }]);
    expect(screen.getByText(/plain: anyone who has the file can read it\. The export is on the audit trail\./)).toBeTruthy();
  });

  it('shows main’s refusal plainly and an empty selection says what to do', async () => {
    await openExport({ 'results.export': () => fail('BAD_INPUT', 'Claim 2 of 3 is not valid FHIR R4: Missing required property (Claim.patient). Nothing was written.') });
    type('New file (full path)', '/tmp/claims.json.cdx');
    type('Export passphrase', 'vellum otter quarry lantern');
    type('Again', 'vellum otter quarry lantern');
    await act(async () => fireEvent.click(writeButton()));
    expect(screen.getByRole('alert').textContent).toMatch(/Claim 2 of 3 is not valid FHIR R4/);
    type('Submitted from (UTC)', '2030-01-01');
    await screen.findByText(/No submitted chart in these dates/);
  });

  it('forgets the export passphrase and the chosen charts when CodeDesk locks', async () => {
    const api = await openExport();
    await act(async () => fireEvent.click(screen.getByRole('checkbox', { name: 'Export IP-2' })));
    type('Export passphrase', 'vellum otter quarry lantern');
    expect(useExport.getState().passphrase).toBe('vellum otter quarry lantern');
    act(() => api.emit('session.locked', { reason: 'idle' }));
    expect(useExport.getState()).toMatchObject({ passphrase: '', confirmPassphrase: '', list: null, preview: null });
    expect(useExport.getState().chosen.size).toBe(0);
    expect(screen.queryByRole('table', { name: 'Submitted charts to export' })).toBeNull();
  });
});
