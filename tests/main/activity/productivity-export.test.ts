/**
 * The productivity export: CSV and XLSX (read back by an independent reader library), typed
 * cells and a Definitions sheet, on the audit trail, and no patient data even when a patient's
 * name is planted in every chart.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../src/shared/metrics';
import { call, must } from '../helpers/app';
import { codeAndSubmit, file, IP_CODING, sendWork, twoProfiles } from '../packages/two-profiles';

const PLANTED = 'Zebediah Quarantino';

async function supervisorWithResults() {
  let now = Date.parse('2026-09-02T09:00:00.000Z');
  const t = await twoProfiles(undefined, 'supervisor', () => new Date(now));
  await must(t.coder, 'packages.open', { path: await sendWork(t) });
  now += 600_000;
  await must(t.coder, 'charts.get', { chartId: 'IP-260102' });
  now += 300_000;
  await must(t.coder, 'activity.record', { chartId: 'IP-260102', activeSeconds: 240 });
  await codeAndSubmit(t.coder, 'IP-260102', IP_CODING);
  await must(t.coder, 'packages.result', { recipientId: t.leadId, expiresDays: 14, path: file(t, 'result.cdpkg') });
  await must(t.lead, 'packages.apply', { path: file(t, 'result.cdpkg') });
  // A patient's name in every chart (and a document) the supervisor holds: it must not reach a report.
  t.lead.session!.db.prepare('UPDATE charts SET patient_name = ?').run(PLANTED);
  return t;
}

const exportEntries = (t: Awaited<ReturnType<typeof supervisorWithResults>>) =>
  (t.lead.session!.db.prepare("SELECT detail_json FROM audit_log WHERE action = 'report.export' ORDER BY seq").pluck().all() as string[]).map(
    (d) => JSON.parse(d) as Record<string, unknown>,
  );

describe('productivity exports', () => {
  it('writes an XLSX with typed cells, a header row on every sheet and every metric’s definition', async () => {
    const t = await supervisorWithResults();
    const out = path.join(t.files, 'team.xlsx');
    const written = await must(t.lead, 'reports.exportProductivity', { from: '2026-09-01', to: '2026-09-07', format: 'xlsx', path: out });
    expect(written).toMatchObject({ path: out, format: 'xlsx', rows: 1 });
    const sheets = await readXlsxFile(fs.readFileSync(out));
    expect(sheets.map((s) => s.sheet)).toEqual(['Coders', 'Days', 'Team by day', 'Settings', 'Backlog', 'Definitions']);
    const coders = sheets[0]!.data;
    expect(coders[0]!.slice(0, 3)).toEqual(['coder_id', 'coder', 'charts_submitted']);
    const dana = coders.find((r) => r[1] === 'Dana Coder')!;
    expect(dana[2]).toBe(1); // a number cell, not text
    expect(dana[coders[0]!.indexOf('weighted_units')]).toBe(1);
    expect(dana[coders[0]!.indexOf('active_minutes')]).toBe(4);
    const days = sheets[1]!.data;
    expect(days[1]![0]).toBeInstanceOf(Date);
    expect((days[1]![0] as unknown as Date).toISOString().slice(0, 10)).toBe('2026-09-02');
    expect(sheets[2]!.data).toHaveLength(1 + 7); // header and every day of the range
    const definitions = sheets[5]!.data;
    expect(sheets[3]!.data.map((r) => r[0])).toEqual(['setting', 'inpatient', 'outpatient_surgery', 'emergency', 'professional']);
    expect(definitions[0]).toEqual(['metric', 'label', 'formula', 'unit', 'excludes']);
    expect(definitions.slice(1).map((r) => r[0])).toEqual(METRICS.map((m) => m.id));
    expect(definitions.slice(1).map((r) => r[2])).toEqual(METRICS.map((m) => m.formula));

    const [entry] = exportEntries(t);
    expect(entry).toMatchObject({ report: 'productivity', format: 'xlsx', from: '2026-09-01', to: '2026-09-07', rows: 1 });
    expect(entry!.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(out)).digest('hex'));
    const allText = sheets.flatMap((s) => s.data.flat().map(String)).join('\n');
    expect(allText).not.toContain(PLANTED);
    expect(allText).not.toContain('Zebediah');
  });

  it('writes the day rows as CSV for one coder, with no patient data', async () => {
    const t = await supervisorWithResults();
    const out = path.join(t.files, 'dana.csv');
    await must(t.lead, 'reports.exportProductivity', { from: '2026-09-02', to: '2026-09-02', coderId: t.coderId, format: 'csv', path: out });
    const text = fs.readFileSync(out, 'utf8');
    const [head, ...lines] = text.trimEnd().split('\r\n');
    expect(head!.split(',').slice(0, 5)).toEqual(['day', 'coder_id', 'coder', 'charts_submitted', 'inpatient']);
    expect(lines.map((l) => l.split(',').slice(0, 5))).toEqual([['2026-09-02', t.coderId, 'Dana Coder', '1', '1']]);
    expect(text).not.toContain('Zebediah');
    expect(text).not.toContain('Quarantino');
  });

  it('refuses a folder it may not write in, an existing file and a reversed range, writing and recording nothing', async () => {
    const t = await supervisorWithResults();
    const denied = await call(t.lead, 'reports.exportProductivity', { from: '2026-09-01', to: '2026-09-07', format: 'csv', path: '/sys/codedesk-report.csv' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!denied.ok) expect(denied.error.message).toMatch(/may not write/);
    const existing = path.join(t.files, 'taken.xlsx');
    fs.writeFileSync(existing, 'keep me');
    expect(await call(t.lead, 'reports.exportProductivity', { from: '2026-09-01', to: '2026-09-07', format: 'xlsx', path: existing })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    const reversed = path.join(t.files, 'reversed.csv');
    expect(await call(t.lead, 'reports.exportProductivity', { from: '2026-09-07', to: '2026-09-01', format: 'csv', path: reversed })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(fs.existsSync(reversed)).toBe(false);
    expect(fs.readdirSync(t.files).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(exportEntries(t)).toEqual([]);
  });
});
