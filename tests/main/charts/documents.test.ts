/**
 * The document API by content type, on a real encrypted workspace: the list carries type and
 * size, a PDF's bytes come back exactly (even one the viewer cannot open), HTML comes raw (the
 * renderer sanitises it), and types the viewer cannot show are listed and kept but send no bytes.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CodeDeskApp } from '../../../src/main/app';
import { demoApp, must } from '../helpers/app';
import { makePdf } from '../helpers/pdf';

const HTML = '<p>Chest pain</p><script>window.__planted = 1</script><img src="https://example.invalid/x.png" onerror="x()">';
const TIFF = Buffer.concat([Buffer.from('II*\0'), Buffer.alloc(4096, 7)]);

async function chartWithDocuments(app: CodeDeskApp) {
  const pdf = await makePdf(['Page one: admission for chest pain.', 'Page two: troponin negative.']);
  const encrypted = await makePdf(['Sealed page'], { userPassword: 'not-given' });
  const { rows } = await must(app, 'charts.list', { limit: 1 });
  const chartId = rows[0]!.id;
  const db = app.requireSession().db;
  const insert = db.prepare(
    `INSERT INTO documents(id, chart_id, kind, title, author, doc_date, body, seq, content_type, data)
     VALUES (?, ?, 'other', ?, 'Dr. Synthetic', '2026-03-02', ?, 100 + ?, ?, ?)`,
  );
  insert.run('v-html', chartId, 'ED note (HTML)', HTML, 1, 'text/html; charset=utf-8', null);
  insert.run('v-pdf', chartId, 'Cardiology consult', '', 2, 'application/pdf', pdf);
  insert.run('v-locked', chartId, 'Outside records', '', 3, 'application/pdf', encrypted);
  insert.run('v-tiff', chartId, 'Faxed referral', '', 4, 'image/tiff', TIFF);
  return { chartId, pdf, encrypted };
}

describe('documents by content type', () => {
  it('lists every document with its content type and size in bytes', async () => {
    const { app } = await demoApp();
    const { chartId, pdf } = await chartWithDocuments(app);
    const chart = await must(app, 'charts.get', { chartId });
    const byId = new Map(chart.documents.map((d) => [d.id, d]));
    expect(byId.get('v-html')).toMatchObject({ contentType: 'text/html; charset=utf-8', size: Buffer.byteLength(HTML) });
    expect(byId.get('v-pdf')).toMatchObject({ contentType: 'application/pdf', size: pdf.length });
    expect(byId.get('v-tiff')).toMatchObject({ contentType: 'image/tiff', size: TIFF.length });
    const demoText = chart.documents.find((d) => !d.id.startsWith('v-'))!;
    const text = await must(app, 'documents.get', { chartId, documentId: demoText.id });
    expect(demoText.contentType).toBe('text/plain');
    expect(demoText.size).toBe(Buffer.byteLength(text.body));
  });

  it("returns a PDF's bytes exactly as base64, an encrypted one too, and no body", async () => {
    const { app } = await demoApp();
    const { chartId, pdf, encrypted } = await chartWithDocuments(app);
    const doc = await must(app, 'documents.get', { chartId, documentId: 'v-pdf' });
    expect(doc.body).toBe('');
    expect(Buffer.from(doc.dataBase64!, 'base64').equals(pdf)).toBe(true);
    const locked = await must(app, 'documents.get', { chartId, documentId: 'v-locked' });
    expect(Buffer.from(locked.dataBase64!, 'base64').equals(encrypted)).toBe(true);
  });

  it('returns HTML raw for the renderer to sanitise, and keeps types it cannot show without sending bytes', async () => {
    const { app } = await demoApp();
    const { chartId } = await chartWithDocuments(app);
    const html = await must(app, 'documents.get', { chartId, documentId: 'v-html' });
    expect(html).toMatchObject({ body: HTML, dataBase64: null });
    const tiff = await must(app, 'documents.get', { chartId, documentId: 'v-tiff' });
    expect(tiff).toMatchObject({ body: '', dataBase64: null, contentType: 'image/tiff', size: TIFF.length });
    const stored = app.requireSession().db.prepare("SELECT data FROM documents WHERE id = 'v-tiff'").get() as { data: Buffer };
    expect(stored.data.equals(TIFF)).toBe(true);
  });

  it('puts every view on the audit trail and keeps the bytes encrypted on disk', async () => {
    const { app, profileId } = await demoApp();
    const { chartId } = await chartWithDocuments(app);
    await must(app, 'documents.get', { chartId, documentId: 'v-pdf' });
    const db = app.requireSession().db;
    const views = db.prepare("SELECT detail_json FROM audit_log WHERE action = 'document.view'").all() as { detail_json: string }[];
    expect(views.some((v) => v.detail_json.includes('v-pdf'))).toBe(true);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const file = fs.readFileSync(app.workspacePath(profileId));
    expect(file.includes('%PDF-')).toBe(false);
    expect(file.includes('window.__planted')).toBe(false);
  });
});
