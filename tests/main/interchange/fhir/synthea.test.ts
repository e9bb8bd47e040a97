/** The real Synthea Bulk Data export from ../shared: every encounter a chart, every note readable. */
import { describe, expect, it } from 'vitest';
import { collect, SYNTHEA, zipFolder } from './helpers';

describe('the Synthea bulk export (10 patients)', () => {
  it('reads as 1,215 charts and 1,215 notes with no refusal, each note decoded to text after its chart', async () => {
    const read = await collect(SYNTHEA);
    expect(read.refusals).toEqual([]);
    expect(read.charts).toHaveLength(1215);
    expect(read.documents).toHaveLength(1215);
    for (const { document } of read.documents) {
      expect(document.contentType).toBe('text/plain');
      expect(document.text?.trim().length).toBeGreaterThan(0);
      expect(document.data).toBeNull();
    }
    // Every chart comes before the first document, and every note names one of those charts.
    const firstDocument = read.items.findIndex((i) => i.type === 'document');
    expect(read.items.slice(0, firstDocument).every((i) => i.type === 'chart')).toBe(true);
    const keys = new Set(read.charts.map((c) => c.sourceKey));
    expect(read.documents.every((d) => keys.has(d.chartSourceKey))).toBe(true);
  });

  it('maps the classes, names the facility, attending and location, and carries hints, never codes', async () => {
    const { charts } = await collect(SYNTHEA, { ambulatorySetting: 'professional' });
    const settings = Object.fromEntries(['inpatient', 'emergency', 'professional', 'outpatient_surgery'].map((s) => [s, charts.filter((c) => c.setting === s).length]));
    // IMP 49 · EMER 23 · AMB 1,133 + HH 9 + VR 1 as professional.
    expect(settings).toEqual({ inpatient: 49, emergency: 23, professional: 1143, outpatient_surgery: 0 });
    for (const chart of charts) {
      expect(chart.facility).toBeTruthy();
      expect(chart.attending).toBeTruthy();
      expect(chart.patient.name).toMatch(/^[^,]+, .+$/);
      expect(chart.payer).toBe('Not given');
      expect(chart.accountNumber).toBeNull(); // Synthea's identifiers are 36-character UUIDs
    }
    expect(charts.some((c) => c.hints.some((h) => h.kind === 'condition'))).toBe(true);
    expect(charts.some((c) => c.hints.some((h) => h.kind === 'procedure'))).toBe(true);
    expect(charts.some((c) => c.hints.some((h) => h.kind === 'reason'))).toBe(true);
  });

  it('reads the same export zipped (inside a folder of the zip) into the same items', async () => {
    const folder = await collect(SYNTHEA);
    const zipped = await collect(await zipFolder(SYNTHEA, 'synthea-bulk-10-patients/'));
    expect(zipped.refusals).toEqual([]);
    expect(zipped.charts).toEqual(folder.charts);
    const strip = (d: (typeof folder.documents)[number]) => ({ ...d, file: '' });
    expect(zipped.documents.map(strip)).toEqual(folder.documents.map(strip));
    expect(zipped.documents[0]!.file).toMatch(/export\.zip\/synthea-bulk-10-patients\/DocumentReference\.000\.ndjson$/);
  });
});
