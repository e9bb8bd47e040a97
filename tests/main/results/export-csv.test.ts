/** CSV export: one row per code, the documented columns, RFC 4180 quoting, no formulas. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvFile } from '../../../src/main/services/interchange/out/csv';
import type { ExportRecord } from '../../../src/main/services/interchange/out/records';
import { demoApp, must } from '../helpers/app';
import { REPO_ROOT, tempDir } from '../helpers/temp';
import { markImported, submitCoded } from './helpers';

/** A minimal RFC 4180 reader, to read the file back the way a spreadsheet does. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('CSV export', () => {
  it('writes the documented columns, one row per code, diagnoses then procedures, with POA, modifiers, units and pointers', async () => {
    const { app, profileId } = await demoApp();
    await submitCoded(app, 'IP-260102');
    await submitCoded(app, 'PF-260401');
    const file = path.join(tempDir(), 'codes.csv');
    const out = await must(app, 'results.export', { format: 'csv', path: file, plain: true });
    const rows = parseCsv(fs.readFileSync(file, 'utf8'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(out).toMatchObject({ charts: 2, codes: rows.length - 1 });
    const byChart = (id: string) => rows.slice(1).filter((r) => r[0] === id).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    const ip = byChart('IP-260102');
    expect(ip[0]).toMatchObject({ version: '1', coder: profileId, setting: 'inpatient', code_system: 'icd10cm', code: 'I21.4', sequence: '1', role: 'principal', poa: 'Y', encounter_ref: 'IP-260102' });
    expect(ip[5]).toMatchObject({ code: 'Z79.84', role: 'secondary', poa: '1' });
    expect(ip.find((r) => r.code === '027034Z')).toMatchObject({ code_system: 'icd10pcs', role: 'procedure', sequence: '1', procedure_date: '2026-07-15', units: '1', poa: '' });
    const pf = byChart('PF-260401');
    expect(pf.filter((r) => r.role === 'procedure').map((r) => [r.code_system, r.code, r.modifiers, r.units, r.pointers])).toEqual([
      ['cpt', '99214', '', '1', '2;1;3;4'],
      ['hcpcs', 'G2211', '', '1', '2'],
      ['cpt', '83036', 'QW', '1', '2'],
    ]);
    expect(pf.every((r) => r.poa === '')).toBe(true);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and defuses cells a spreadsheet would run as formulas', async () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const attack of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd']) expect(csvCell(attack).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell(12)).toBe('12');

    // Through the export: an imported encounter reference that is a formula comes out inert.
    const { app } = await demoApp();
    markImported(app, 'PF-260403', { encounter: '=cmd|"/c calc"!A0', patient: null });
    await submitCoded(app, 'PF-260403');
    const file = path.join(tempDir(), 'codes.csv');
    await must(app, 'results.export', { format: 'csv', path: file, plain: true });
    const rows = parseCsv(fs.readFileSync(file, 'utf8'));
    expect(rows.slice(1).every((r) => r[14] === `'=cmd|"/c calc"!A0`)).toBe(true);
  });

  it('writes units and several modifiers of a line', () => {
    const record: ExportRecord = {
      chartId: 'OS-1', version: 2, submittedAt: '2026-08-05T10:00:00.000Z', coderId: 'p1', setting: 'outpatient_surgery',
      admitDate: '2026-08-04', dischargeDate: '2026-08-04', payer: 'Medicare', source: null,
      coding: { diagnoses: [{ code: 'M17.11', poa: null }], procedures: [{ system: 'hcpcs', code: 'J1100', modifiers: ['JZ', 'RT'], units: 4, date: null }] },
    };
    const [, , px] = csvFile([record]).split('\r\n');
    expect(px).toBe('OS-1,2,2026-08-05T10:00:00.000Z,p1,outpatient_surgery,hcpcs,J1100,1,procedure,,JZ;RT,4,,,OS-1');
  });

  it('documents every column in the README', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const column of CSV_COLUMNS) expect(readme).toContain(`| \`${column}\``);
  });
});
