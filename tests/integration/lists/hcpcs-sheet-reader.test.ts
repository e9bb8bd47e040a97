/**
 * The HCPCS xlsx is read by CodeDesk's own streaming sheet reader (the one the AOC importer
 * uses), row by row. On the official October 2025 workbook it must give exactly the records
 * that read-excel-file (the library it replaced for this file) gives.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachSheetRow } from '../../../src/main/services/codesets/importers/streaming/xlsx-sheet';
import { HcpcsSheet } from '../../../src/main/services/codesets/importers/code-lists/hcpcs-files';
import { hcpcsViaLibrary } from '../../main/helpers/read-excel';
import { CODESETS } from '../../main/helpers/temp';

const FILE = path.join(CODESETS, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx');

describe('the HCPCS workbook through the streaming sheet reader', () => {
  it('gives the same records, with the same line numbers, as read-excel-file', async () => {
    const bytes = fs.readFileSync(FILE);
    const viaLibrary = await hcpcsViaLibrary('HCPC2025_OCT_ANWEB.xlsx', bytes);
    const sheet = new HcpcsSheet('HCPC2025_OCT_ANWEB.xlsx');
    await forEachSheetRow('HCPC2025_OCT_ANWEB.xlsx', bytes, (row) => sheet.add(row.cells.map((c) => c ?? ''), row.row));
    expect(sheet.records.length).toBeGreaterThan(8000);
    expect(sheet.records).toEqual(viaLibrary);
  });
});
