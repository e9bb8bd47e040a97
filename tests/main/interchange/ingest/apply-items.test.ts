/** The ingest applies reader items idempotently, updates what is not submitted, and flags what is. */
import { describe, expect, it } from 'vitest';
import { applyItems, type ApplyOptions } from '../../../../src/main/services/interchange/ingest/apply-items';
import { chartIdCandidates } from '../../../../src/main/services/interchange/ingest/policy';
import type { ChartImportBatchAudit } from '../../../../src/main/services/interchange/ingest/tally';
import type { IncomingItem } from '../../../../src/main/services/interchange/incoming';
import type { WorkspaceDb } from '../../../../src/main/services/db/handles';
import { chart as demoChart, tempWorkspace } from '../../helpers/temp';
import { insertCharts } from '../../../../src/main/services/charts/demo';
import { chartItem, doc, documentItem, encounter, stream } from './items';

function harness(db: WorkspaceDb, extra: Partial<ApplyOptions> = {}) {
  const audits: ChartImportBatchAudit[] = [];
  let clock = Date.parse('2026-04-01T10:00:00Z');
  const options: ApplyOptions = {
    now: () => new Date((clock += 1000)),
    assignee: 'Dana Coder',
    audit: (b) => {
      audits.push(b);
    },
    ...extra,
  };
  return { audits, run: (items: IncomingItem[]) => applyItems(db, stream(items), options) };
}

const one = <T>(db: WorkspaceDb, sql: string, ...params: (string | number)[]): T => db.prepare(sql).get(...params) as T;
const count = (db: WorkspaceDb, sql: string, ...params: string[]): number => db.prepare(sql).pluck().get(...params) as number;
const setStatus = (db: WorkspaceDb, id: string, status: string) => db.prepare('UPDATE charts SET status = ? WHERE id = ?').run(status, id);

describe('applying incoming items', () => {
  it('makes a chart discharged after it arrived due three days after discharge, and keeps the first arrival when it is updated', async () => {
    const db = tempWorkspace();
    const { run } = harness(db);
    await run([chartItem(encounter('e1', { admitDate: '2026-03-30', dischargeDate: '2026-04-10' }))]);
    const id = chartIdCandidates(encounter('e1'))[0]!;
    expect(one(db, 'SELECT due_date FROM charts WHERE id = ?', id)).toEqual({ due_date: '2026-04-13' });
    await run([chartItem(encounter('e1', { admitDate: '2026-03-30', dischargeDate: '2026-03-31' }))]);
    expect(one(db, 'SELECT due_date FROM charts WHERE id = ?', id)).toEqual({ due_date: '2026-04-04' });
  });

  it('creates charts with their source, hints and documents; priority 3, due three days after they arrived when discharged before', async () => {
    const db = tempWorkspace();
    const { run, audits } = harness(db);
    const summary = await run([chartItem(encounter('e1', { accountNumber: 'ACC-1001' })), chartItem(encounter('e2'))]);
    expect(summary).toMatchObject({ created: 2, updated: 0, unchanged: 0, flagged: 0, documents: { created: 2, updated: 0, unchanged: 0 }, refused: [] });
    expect(summary.note).toBe('refusals are per resource; the rest of each file was imported');
    const e2 = chartIdCandidates(encounter('e2'))[0]!;
    expect(e2).toMatch(/^F-[0-9A-F]{10}$/);
    expect(one(db, 'SELECT priority, due_date, status, assignee FROM charts WHERE id = ?', 'ACC-1001')).toEqual({
      priority: 3,
      due_date: '2026-04-04',
      status: 'new',
      assignee: 'Dana Coder',
    });
    expect(one(db, 'SELECT source_key, facility, attending, location FROM chart_sources WHERE chart_id = ?', e2)).toEqual({
      source_key: 'fhir:Encounter/e2',
      facility: 'General Hospital',
      attending: 'Dr. A. Doctor',
      location: 'Ward 4',
    });
    expect(count(db, 'SELECT count(*) FROM chart_hints WHERE chart_id = ?', e2)).toBe(1);
    expect(one(db, 'SELECT id, content_type, body, source_hash IS NOT NULL AS hashed FROM documents WHERE chart_id = ?', e2)).toEqual({
      id: 'DocumentReference/e2-hp',
      content_type: 'text/plain',
      body: 'Seen for follow-up. Stable.',
      hashed: 1,
    });
    // One batch, one audit entry: counts and chart ids, nothing about the patient.
    expect(audits).toEqual([
      { batch: 1, items: 2, created: 2, updated: 0, flagged: 0, documentsCreated: 2, documentsUpdated: 0, documentsFlagged: 0, refused: 0, chartIds: ['ACC-1001', e2] },
    ]);
    expect(JSON.stringify(audits)).not.toContain('Test, Pat');
  });

  it('changes nothing when the same export comes twice: all unchanged, no write, no audit entry', async () => {
    const db = tempWorkspace();
    const { run, audits } = harness(db);
    const items = [chartItem(encounter('e1')), documentItem('fhir:Encounter/e1', doc({ sourceId: 'DocumentReference/n1' }))];
    await run(items);
    const before = db.prepare('SELECT id, updated_at FROM charts').all();
    const changesBefore = count(db, 'SELECT total_changes()');
    const again = await run(items);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, flagged: 0, documents: { created: 0, updated: 0, unchanged: 2 }, refused: [] });
    expect(audits).toHaveLength(1);
    expect(db.prepare('SELECT id, updated_at FROM charts').all()).toEqual(before);
    expect(count(db, 'SELECT total_changes()')).toBe(changesBefore);
  });

  it('updates a chart that is not submitted: fields, hints, documents by source id; status and coding kept', async () => {
    const db = tempWorkspace();
    const { run } = harness(db);
    await run([chartItem(encounter('e1'))]);
    const id = chartIdCandidates(encounter('e1'))[0]!;
    setStatus(db, id, 'in_progress');
    db.prepare("INSERT INTO codings(chart_id, coding_json, revision, updated_at, updated_by) VALUES (?, '{\"diagnoses\":[],\"procedures\":[]}', 1, 'x', 'u')").run(id);
    const changed = encounter('e1', {
      dischargeDate: '2026-03-06',
      payer: 'Aetna',
      hints: [],
      documents: [doc({ sourceId: 'DocumentReference/e1-hp', kind: 'history_physical', title: 'H&P (amended)' }), doc({ sourceId: 'DocumentReference/e1-dc', kind: 'discharge_summary' })],
    });
    const summary = await run([chartItem(changed)]);
    expect(summary).toMatchObject({ created: 0, updated: 1, documents: { created: 1, updated: 1, unchanged: 0 } });
    expect(one(db, 'SELECT discharge_date, payer, due_date, status FROM charts WHERE id = ?', id)).toEqual({
      discharge_date: '2026-03-06',
      payer: 'Aetna',
      due_date: '2026-04-04',
      status: 'in_progress',
    });
    expect(count(db, 'SELECT count(*) FROM codings WHERE chart_id = ?', id)).toBe(1);
    expect(count(db, 'SELECT count(*) FROM chart_hints WHERE chart_id = ?', id)).toBe(0);
    expect(db.prepare('SELECT id, title FROM documents WHERE chart_id = ? ORDER BY seq').all(id)).toEqual([
      { id: 'DocumentReference/e1-hp', title: 'H&P (amended)' },
      { id: 'DocumentReference/e1-dc', title: 'Progress note' },
    ]);
  });

  it('never applies a change to a submitted chart: it is flagged and the change waits in pending_json', async () => {
    const db = tempWorkspace();
    const { run } = harness(db);
    await run([chartItem(encounter('e1'))]);
    const id = chartIdCandidates(encounter('e1'))[0]!;
    setStatus(db, id, 'submitted');
    const before = one(db, 'SELECT * FROM charts WHERE id = ?', id);
    const docsBefore = db.prepare('SELECT * FROM documents WHERE chart_id = ?').all(id);
    const summary = await run([
      chartItem(encounter('e1', { payer: 'Aetna' })),
      documentItem('fhir:Encounter/e1', doc({ sourceId: 'DocumentReference/late' })),
    ]);
    expect(summary).toMatchObject({ created: 0, updated: 0, flagged: 1, documents: { created: 0, updated: 0, unchanged: 1, flagged: 1 } });
    expect(one(db, 'SELECT * FROM charts WHERE id = ?', id)).toEqual(before);
    expect(db.prepare('SELECT * FROM documents WHERE chart_id = ?').all(id)).toEqual(docsBefore);
    const source = one<{ changed_after_submit_at: string | null; pending_json: string }>(db, 'SELECT changed_after_submit_at, pending_json FROM chart_sources WHERE chart_id = ?', id);
    expect(source.changed_after_submit_at).toMatch(/^2026-04-01T/);
    const pending = JSON.parse(source.pending_json);
    expect(pending.chart.state.payer).toBe('Aetna');
    expect(pending.documents.map((d: { document: { sourceId: string } }) => d.document.sourceId)).toEqual(['DocumentReference/late']);
    // The same change again is already waiting: unchanged, nothing written.
    const again = await run([chartItem(encounter('e1', { payer: 'Aetna' }))]);
    expect(again).toMatchObject({ unchanged: 1, flagged: 0 });
  });

  it('refuses a document for an encounter neither in this import nor in the workspace, and imports the rest', async () => {
    const db = tempWorkspace();
    const { run } = harness(db);
    const summary = await run([
      documentItem('fhir:Encounter/missing', doc({ sourceId: 'DocumentReference/x' }), 7),
      chartItem(encounter('e1')),
      documentItem('fhir:Encounter/e1', doc({ sourceId: 'DocumentReference/y' }), 8),
    ]);
    expect(summary.refused).toEqual([{ file: 'DocumentReference.000.ndjson', line: 7, reason: 'document for an encounter not imported: Encounter/missing' }]);
    expect(summary).toMatchObject({ created: 1, documents: { created: 2 } });
  });

  it('takes the account number as the chart id when free, else the source hash; refuses a clash with another chart', async () => {
    const db = tempWorkspace();
    insertCharts(db, [demoChart({ id: 'ACC-1' })], '2026-01-01T00:00:00Z');
    const { run } = harness(db);
    const taken = encounter('e1', { accountNumber: 'ACC-1' });
    const clash = encounter('e2');
    const clashId = chartIdCandidates(clash)[0]!;
    insertCharts(db, [demoChart({ id: clashId })], '2026-01-01T00:00:00Z');
    const summary = await run([chartItem(taken), chartItem(clash)]);
    expect(summary.created).toBe(1);
    expect(count(db, 'SELECT count(*) FROM chart_sources WHERE chart_id = ?', chartIdCandidates(taken)[1]!)).toBe(1);
    expect(summary.refused).toEqual([
      { file: 'Encounter/e2', line: null, reason: `Encounter/e2: chart id ${clashId} is already used by a chart from another source; not imported` },
    ]);
    // The demo chart that holds the id is untouched.
    expect(one(db, 'SELECT patient_name FROM charts WHERE id = ?', clashId)).toEqual({ patient_name: 'Test Patient' });
  });

  it('refuses a chart the workspace cannot hold (an age over 124, an end before the start) with a reason, keeping the rest', async () => {
    const db = tempWorkspace();
    const { run } = harness(db);
    const summary = await run([
      chartItem(encounter('old', { patient: { name: 'X', ref: null, ageAtEncounter: 130, sex: 'M' } })),
      chartItem(encounter('backwards', { admitDate: '2026-03-05', dischargeDate: '2026-03-01' })),
      chartItem(encounter('ok')),
    ]);
    expect(summary.created).toBe(1);
    expect(summary.refused.map((r) => r.reason)).toEqual([
      'Encounter/old: the patient age at the encounter is not 0 to 124 years',
      'Encounter/backwards: the encounter ends before it starts',
    ]);
  });

  it('commits each batch with its audit entry: a failing audit rolls its batch back, earlier batches stay', async () => {
    const db = tempWorkspace();
    let calls = 0;
    const { run } = harness(db, {
      batchItems: 2,
      audit: () => {
        calls += 1;
        if (calls === 2) throw new Error('audit trail unavailable');
      },
    });
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => chartItem(encounter(id, { documents: [] })));
    await expect(run(items)).rejects.toThrow('audit trail unavailable');
    // Batch 1 (a, b) committed with its entry; batch 2 (c, d) rolled back with its failed entry; e never applied.
    expect(db.prepare('SELECT source_key FROM chart_sources ORDER BY source_key').pluck().all()).toEqual(['fhir:Encounter/a', 'fhir:Encounter/b']);
  });

  it('reports progress after each batch: items read, charts and documents written', async () => {
    const db = tempWorkspace();
    const events: unknown[] = [];
    const { run } = harness(db, { batchItems: 2, onProgress: (p) => events.push(p) });
    await run([chartItem(encounter('a')), chartItem(encounter('b')), { type: 'refused', refusal: { file: 'f.ndjson', line: 3, reason: 'bad' } }]);
    expect(events).toEqual([
      { itemsRead: 2, chartsWritten: 2, documentsWritten: 2, refused: 0 },
      { itemsRead: 3, chartsWritten: 2, documentsWritten: 2, refused: 1 },
    ]);
  });
});

describe('batches and their audit entries', () => {
  it('ends a batch at 100 charts written, so each entry lists every chart id it wrote', async () => {
    const db = tempWorkspace();
    const { run, audits } = harness(db);
    const items = Array.from({ length: 250 }, (_, i) => chartItem(encounter(`e${i}`, { documents: [] })));
    expect((await run(items)).created).toBe(250);
    expect(audits.map((a) => [a.items, a.chartIds.length])).toEqual([
      [100, 100],
      [100, 100],
      [50, 50],
    ]);
  });
});

describe('large attachments', () => {
  it('end a batch once its documents hold the byte limit, so a batch never holds many large files at once', async () => {
    const db = tempWorkspace();
    const { run, audits } = harness(db, { batchBytes: 1000 });
    const pdf = (id: string) => doc({ sourceId: id, contentType: 'application/pdf', text: null, data: new Uint8Array(600).fill(0x25) });
    const summary = await run([chartItem(encounter('a', { documents: [pdf('p1')] })), chartItem(encounter('b', { documents: [pdf('p2')] })), chartItem(encounter('c', { documents: [] }))]);
    expect(summary).toMatchObject({ created: 3, documents: { created: 2 } });
    expect(audits.map((a) => a.items)).toEqual([2, 1]);
    expect(one(db, "SELECT content_type, length(data) AS bytes, body FROM documents WHERE id = 'p1'")).toEqual({ content_type: 'application/pdf', bytes: 600, body: '' });
  });
});

describe('a reader that fails part-way', () => {
  it('keeps the whole resources read before the failure and passes the failure on', async () => {
    const db = tempWorkspace();
    const { audits } = harness(db);
    async function* failing(): AsyncIterable<IncomingItem> {
      yield chartItem(encounter('a'));
      throw new Error('bundle.json is not valid JSON');
    }
    await expect(applyItems(db, failing(), { now: () => new Date(), assignee: 'Dana', audit: (b) => void audits.push(b) })).rejects.toThrow('not valid JSON');
    expect(db.prepare('SELECT source_key FROM chart_sources').pluck().all()).toEqual(['fhir:Encounter/a']);
    expect(audits).toHaveLength(1);
  });
});

describe('counting and refusing within one import', () => {
  it('counts a chart created and then updated in the same import (an A01, then its A03) as created only', async () => {
    const db = tempWorkspace();
    const { run } = harness(db, { batchItems: 1 });
    const admitted = encounter('v1', { dischargeDate: '2026-03-01', admitDate: '2026-03-01' });
    const discharged = encounter('v1', { admitDate: '2026-03-01', dischargeDate: '2026-03-04' });
    const summary = await run([chartItem(admitted), chartItem(discharged), chartItem(discharged)]);
    expect(summary).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(one(db, 'SELECT discharge_date FROM charts')).toEqual({ discharge_date: '2026-03-04' });
  });

  it('refuses a document the viewer could not place (unknown kind, bad date) and keeps its chart and the other documents', async () => {
    const db = tempWorkspace();
    const { run } = harness(db);
    const summary = await run([
      chartItem(encounter('e1', { documents: [doc({ sourceId: 'DocumentReference/bad', kind: 'memo' as never }), doc({ sourceId: 'DocumentReference/good' })] })),
      documentItem('fhir:Encounter/e1', doc({ sourceId: 'DocumentReference/late', date: '2026-13-45' }), 9),
    ]);
    expect(summary).toMatchObject({ created: 1, documents: { created: 1 } });
    expect(summary.refused).toEqual([
      { file: 'Encounter/e1', line: null, reason: 'DocumentReference/bad: the document kind is not one CodeDesk knows' },
      { file: 'DocumentReference.000.ndjson', line: 9, reason: 'DocumentReference/late: the document date is not a valid date' },
    ]);
  });
});
