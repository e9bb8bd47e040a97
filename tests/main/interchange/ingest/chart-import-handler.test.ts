/**
 * charts.import through api.ts with the readers replaced by items built here (the FHIR and HL7
 * readers are separate work): progress events, one audit entry per batch on the real trail,
 * the queue told to refresh, the ambulatory choice handed to the readers.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ReadOptions } from '../../../../src/main/services/interchange/incoming';
import type { EventName } from '../../../../src/shared/contract';
import { must, PASSPHRASE, testApp } from '../../helpers/app';
import { chartItem, encounter, stream } from './items';

const seen: { paths: readonly string[]; options: ReadOptions }[] = [];
vi.mock('../../../../src/main/services/interchange/read-sources', () => ({
  readSources: (paths: readonly string[], options: ReadOptions) => {
    seen.push({ paths, options });
    return stream([chartItem(encounter('e1')), chartItem(encounter('e2')), { type: 'refused', refusal: { file: 'Encounter.000.ndjson', line: 3, reason: 'Encounter/e3: no period' } }]);
  },
}));

describe('charts.import (readers stubbed)', () => {
  it('imports, reports progress, audits the batch, refreshes the queue, and passes the ambulatory choice on', async () => {
    const app = testApp();
    await must(app, 'profiles.create', { displayName: 'Dana Coder', role: 'supervisor', passphrase: PASSPHRASE });
    const events: { name: EventName; payload: unknown }[] = [];
    app.events.on((name, payload) => events.push({ name, payload }));

    const summary = await must(app, 'charts.import', { paths: ['/exports/bulk'], ambulatorySetting: 'professional' });
    expect(summary).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      flagged: 0,
      documents: { created: 2, updated: 0, unchanged: 0, flagged: 0 },
      refused: [{ file: 'Encounter.000.ndjson', line: 3, reason: 'Encounter/e3: no period' }],
      note: 'refusals are per resource; the rest of each file was imported',
    });
    expect(seen.at(-1)).toMatchObject({ paths: ['/exports/bulk'], options: { ambulatorySetting: 'professional', maxAttachmentBytes: 25 * 1024 * 1024 } });
    expect(events.filter((e) => e.name === 'charts.import.progress').map((e) => e.payload)).toEqual([{ itemsRead: 3, chartsWritten: 2, documentsWritten: 2, refused: 1 }]);
    expect(events.at(-1)).toEqual({ name: 'charts.changed', payload: { chartId: null } });

    const entries = app.session!.db.prepare("SELECT user_id, chart_id, detail_json FROM audit_log WHERE action = 'charts.import'").all() as { chart_id: null; detail_json: string }[];
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.detail_json)).toMatchObject({ batch: 1, items: 3, created: 2, refused: 1 });
    expect((await must(app, 'audit.verify', {})).ok).toBe(true);
    // Assigned to the importing profile, as the demo's charts are.
    expect((await must(app, 'charts.list', {})).rows.map((r) => r.assignee)).toEqual(['Dana Coder', 'Dana Coder']);
  });
});
