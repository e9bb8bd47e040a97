/** charts.import / charts.applySourceChanges through api.ts on a real encrypted workspace. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeDeskApp } from '../../../../src/main/app';
import { applyItems } from '../../../../src/main/services/interchange/ingest/apply-items';
import { chartIdCandidates } from '../../../../src/main/services/interchange/ingest/policy';
import type { IncomingItem } from '../../../../src/main/services/interchange/incoming';
import { call, must, PASSPHRASE, testApp } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';
import { chartItem, doc, documentItem, encounter, stream } from './items';

async function coderApp(role: 'coder' | 'auditor' | 'supervisor' = 'coder'): Promise<CodeDeskApp> {
  const app = testApp();
  await must(app, 'profiles.create', { displayName: 'Dana Coder', role, passphrase: PASSPHRASE });
  return app;
}

/** What charts.import does after reading: the same batches and audit entries, fed items directly. */
const ingest = (app: CodeDeskApp, items: IncomingItem[]) =>
  applyItems(app.session!.db, stream(items), {
    now: app.now,
    assignee: 'Dana Coder',
    audit: (batch) => app.audit('charts.import', null, { ...batch }),
  });

const auditCount = (app: CodeDeskApp, action: string): number =>
  app.session!.db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

describe('charts.import', () => {
  it('refuses a file that is no FHIR or HL7 v2 export by name, before anything is written', async () => {
    const app = await coderApp();
    const file = path.join(tempDir(), 'notes.csv');
    fs.writeFileSync(file, 'id,name\n1,x\n');
    const result = await call(app, 'charts.import', { paths: [file] });
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED', message: 'notes.csv is not a FHIR or HL7 v2 export: it is neither JSON nor HL7 v2 (no MSH segment).' } });
    expect(auditCount(app, 'charts.import')).toBe(0);
    expect((await must(app, 'charts.list', {})).total).toBe(0);
  });

  it('is for coders and supervisors; auditors review only', async () => {
    const app = await coderApp('auditor');
    const result = await call(app, 'charts.import', { paths: ['/nowhere'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('writes one audit entry per batch that changed something, and none when the same export comes again', async () => {
    const app = await coderApp();
    const items = [chartItem(encounter('e1')), chartItem(encounter('e2'))];
    await ingest(app, items);
    expect(auditCount(app, 'charts.import')).toBe(1);
    expect(await ingest(app, items)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(auditCount(app, 'charts.import')).toBe(1);
    const verify = await must(app, 'audit.verify', {});
    expect(verify.ok).toBe(true);
  });
});

describe('an imported chart in the queue and the chart', () => {
  it('shows its facility, attending, location and hints; the queue row has no flag until the source changes after submit', async () => {
    const app = await coderApp();
    await ingest(app, [chartItem(encounter('e1'))]);
    const id = chartIdCandidates(encounter('e1'))[0]!;
    const detail = await must(app, 'charts.get', { chartId: id });
    expect(detail.source).toMatchObject({ format: 'fhir', sourceRef: 'Encounter/e1', facility: 'General Hospital', attending: 'Dr. A. Doctor', location: 'Ward 4', changedAfterSubmitAt: null, pending: null });
    expect(detail.hints).toEqual([{ kind: 'condition', system: 'http://snomed.info/sct', code: '44054006', display: 'Diabetes mellitus type 2' }]);
    expect((await must(app, 'charts.list', {})).rows[0]).not.toHaveProperty('sourceChanged');

    app.session!.db.prepare("UPDATE charts SET status = 'submitted' WHERE id = ?").run(id);
    await ingest(app, [chartItem(encounter('e1', { payer: 'Aetna', dischargeDate: '2026-03-05' })), documentItem('fhir:Encounter/e1', doc({ sourceId: 'DocumentReference/late' }))]);
    expect((await must(app, 'charts.list', { status: ['submitted'] })).rows[0]).toMatchObject({ id, sourceChanged: true });
    const flagged = await must(app, 'charts.get', { chartId: id });
    expect(flagged.payer).toBe('Medicare');
    expect(flagged.source?.changedAfterSubmitAt).not.toBeNull();
    expect(flagged.source?.pending).toEqual({ fields: ['dischargeDate', 'payer'], hintsChanged: false, documentsAdded: 1, documentsChanged: 0 });
  });

  it('applies the waiting source change only once the chart is reopened, on the audit trail, and clears the flag', async () => {
    const app = await coderApp();
    await ingest(app, [chartItem(encounter('e1'))]);
    const id = chartIdCandidates(encounter('e1'))[0]!;
    const db = app.session!.db;
    db.prepare("UPDATE charts SET status = 'submitted' WHERE id = ?").run(id);
    await ingest(app, [chartItem(encounter('e1', { payer: 'Aetna' })), documentItem('fhir:Encounter/e1', doc({ sourceId: 'DocumentReference/late' }))]);

    const refused = await call(app, 'charts.applySourceChanges', { chartId: id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/reopen it for correction first/) } });
    expect(auditCount(app, 'chart.source_apply')).toBe(0);

    db.prepare("UPDATE charts SET status = 'in_progress' WHERE id = ?").run(id);
    // Still flagged while reopened: a later import waits too, so nothing lands out of order.
    expect(await ingest(app, [chartItem(encounter('e1', { payer: 'Cigna' }))])).toMatchObject({ flagged: 1, updated: 0 });
    const applied = await must(app, 'charts.applySourceChanges', { chartId: id });
    expect(applied).toMatchObject({ payer: 'Cigna', status: 'in_progress' });
    expect(applied.documents.map((d) => d.id)).toContain('DocumentReference/late');
    expect(applied.source).toMatchObject({ changedAfterSubmitAt: null, pending: null });
    const entry = db.prepare("SELECT chart_id, detail_json FROM audit_log WHERE action = 'chart.source_apply'").get() as { chart_id: string; detail_json: string };
    expect(entry.chart_id).toBe(id);
    expect(JSON.parse(entry.detail_json)).toEqual({ fields: ['payer'], hintsChanged: false, documentsAdded: 1, documentsChanged: 0 });
    expect(await call(app, 'charts.applySourceChanges', { chartId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Now applied and unflagged, a re-import of the same state is unchanged.
    expect(await ingest(app, [chartItem(encounter('e1', { payer: 'Cigna' }))])).toMatchObject({ unchanged: 1 });
  });
});
