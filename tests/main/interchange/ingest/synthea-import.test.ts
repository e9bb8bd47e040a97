/**
 * charts.import through api.ts with the real readers on the real Synthea bulk export
 * (../shared): every encounter a chart, every note readable, nothing refused; a second import
 * changes nothing; progress, audit batches and the queue refresh on the real trail.
 */
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../../src/shared/contract';
import { must, PASSPHRASE, testApp } from '../../helpers/app';
import { SYNTHEA } from '../fhir/helpers';

describe('charts.import of the Synthea bulk export', () => {
  it('imports 1,215 charts and 1,215 readable notes with nothing refused, and again changes nothing', async () => {
    const app = testApp();
    await must(app, 'profiles.create', { displayName: 'Dana Coder', role: 'supervisor', passphrase: PASSPHRASE });
    const events: { name: EventName; payload: unknown }[] = [];
    app.events.on((name, payload) => events.push({ name, payload }));

    const first = await must(app, 'charts.import', { paths: [SYNTHEA], ambulatorySetting: 'professional' });
    expect(first).toMatchObject({ created: 1215, updated: 0, unchanged: 0, flagged: 0, refused: [] });
    expect(first.documents).toMatchObject({ created: 1215, updated: 0, unchanged: 0 });
    const progress = events.filter((e) => e.name === 'charts.import.progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(events.at(-1)).toEqual({ name: 'charts.changed', payload: { chartId: null } });

    const db = app.session!.db;
    const batches = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'charts.import'").pluck().get() as number;
    expect(batches).toBeGreaterThanOrEqual(13); // at most 100 charts per audited batch
    const settings = db.prepare('SELECT setting, count(*) AS n FROM charts GROUP BY setting ORDER BY setting').all();
    // AMB 1,133 + HH 9 + VR 1 are professional with this choice; IMP 49; EMER 23.
    expect(settings).toEqual([
      { setting: 'emergency', n: 23 },
      { setting: 'inpatient', n: 49 },
      { setting: 'professional', n: 1143 },
    ]);

    // Every note opens as non-empty text through the same call the viewer makes.
    const docs = db.prepare('SELECT chart_id, id FROM documents').all() as { chart_id: string; id: string }[];
    expect(docs).toHaveLength(1215);
    for (const d of docs.filter((_, i) => i % 15 === 0)) {
      const doc = await must(app, 'documents.get', { chartId: d.chart_id, documentId: d.id });
      expect(doc.contentType).toBe('text/plain');
      expect(doc.body.trim().length).toBeGreaterThan(20);
    }
    expect(db.prepare("SELECT count(*) FROM documents WHERE length(trim(body)) = 0").pluck().get()).toBe(0);

    const again = await must(app, 'charts.import', { paths: [SYNTHEA], ambulatorySetting: 'professional' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1215, refused: [] });
    expect(again.documents).toMatchObject({ created: 0, updated: 0, unchanged: 1215 });
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'charts.import'").pluck().get()).toBe(batches);
    expect((await must(app, 'audit.verify', {})).ok).toBe(true);
  }, 120_000);
});
