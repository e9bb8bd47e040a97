/** IncomingItems built by hand, as a reader would yield them (no reader needed). */
import type { IncomingChart, IncomingDocument, IncomingItem } from '../../../../src/main/services/interchange/incoming';

export function doc(overrides: Partial<IncomingDocument> = {}): IncomingDocument {
  return {
    sourceId: 'DocumentReference/d1',
    kind: 'progress_note',
    title: 'Progress note',
    author: 'A. Doctor, MD',
    date: '2026-03-02',
    contentType: 'text/plain',
    text: 'Seen for follow-up. Stable.',
    data: null,
    ...overrides,
  };
}

export function encounter(id: string, overrides: Partial<IncomingChart> = {}): IncomingChart {
  return {
    sourceKey: `fhir:Encounter/${id}`,
    format: 'fhir',
    sourceRef: `Encounter/${id}`,
    accountNumber: null,
    patient: { name: 'Test, Pat', ref: 'Patient/p1', ageAtEncounter: 61, sex: 'F' },
    setting: 'inpatient',
    admitDate: '2026-03-01',
    dischargeDate: '2026-03-04',
    payer: 'Medicare',
    facility: 'General Hospital',
    attending: 'Dr. A. Doctor',
    location: 'Ward 4',
    hints: [{ kind: 'condition', system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }],
    documents: [doc({ sourceId: `DocumentReference/${id}-hp`, kind: 'history_physical', title: 'H&P' })],
    ...overrides,
  };
}

export const chartItem = (c: IncomingChart): IncomingItem => ({ type: 'chart', chart: c });
export const documentItem = (chartSourceKey: string, d: IncomingDocument, line = 1): IncomingItem => ({
  type: 'document',
  chartSourceKey,
  document: d,
  file: 'DocumentReference.000.ndjson',
  line,
});

export async function* stream(items: readonly IncomingItem[]): AsyncIterable<IncomingItem> {
  for (const item of items) yield item;
}
