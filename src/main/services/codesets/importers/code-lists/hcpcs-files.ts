/** HCPCS Level II quarterly ANWEB file: the xlsx and the fixed-width txt of the same data. */
import { createHash } from 'node:crypto';
import { importFailure } from '../../import-failure';
import { splitLines } from '../../order-file-parser';
import { decodeText } from '../../text-decoding';
import { AppFailure } from '../../../../../shared/result';
import { forEachSheetRow } from '../streaming/xlsx-sheet';
import type { FileImporter, ImportSource } from '../types';
import { hcpcsDate, parseHcpcsTxtLine, type HcpcsRecord } from './hcpcs-record';
import { storeHcpcs } from './hcpcs-store';

type Numbered = { record: HcpcsRecord; line: number };

function dateOf(file: string, line: number, column: string, value: string): string | null {
  const date = hcpcsDate(value);
  if (date !== null && typeof date === 'object') throw importFailure(file, line, `expected a date YYYYMMDD in ${column}`);
  return date;
}

const REQUIRED = ['HCPC', 'SEQNUM', 'RECID', 'LONG DESCRIPTION', 'SHORT DESCRIPTION', 'ADD DT', 'ACT EFF DT', 'TERM DT', 'ACTION CD'] as const;
/** Optional: read when the sheet has them. */
const XREFS = ['XREF1', 'XREF2', 'XREF3', 'XREF4', 'XREF5'] as const;

/** Takes the sheet's rows one at a time as they are read (the first is the header) and keeps only the records. */
export class HcpcsSheet {
  readonly records: Numbered[] = [];
  private at: Record<(typeof REQUIRED)[number], number> | null = null;
  /** Column of each XREF (index = XREF number - 1), -1 when the sheet lacks it. */
  private xrefAt: number[] = [];

  constructor(private readonly file: string) {}

  add(row: readonly string[], line: number): void {
    const file = this.file;
    if (this.at === null) {
      const header = row.map((h) => h.trim().toUpperCase());
      const at = Object.fromEntries(REQUIRED.map((name) => [name, header.indexOf(name)])) as Record<(typeof REQUIRED)[number], number>;
      const missing = REQUIRED.filter((name) => at[name] < 0);
      if (missing.length > 0) throw importFailure(file, 1, `not an HCPCS ANWEB sheet: the header lacks ${missing.join(', ')}`);
      this.at = at;
      this.xrefAt = XREFS.map((name) => header.indexOf(name));
      return;
    }
    const at = this.at;
    const records = this.records;
    const cell = (name: (typeof REQUIRED)[number]) => row[at[name]] ?? '';
    if (row.every((c) => c.trim() === '')) return;
    const recordId = cell('RECID').trim();
    const code = cell('HCPC').trim();
    if (recordId === '4' || recordId === '8') {
      const previous = records[records.length - 1];
      if (!previous || previous.record.code !== code) throw importFailure(file, line, 'a continuation row does not follow its code');
      previous.record.longTitle = `${previous.record.longTitle} ${cell('LONG DESCRIPTION').trim()}`.trim();
      return;
    }
    if (recordId !== '3' && recordId !== '7') throw importFailure(file, line, 'expected RECID 3 (code) or 7 (modifier)');
    const kind = recordId === '3' ? 'code' : 'modifier';
    if (kind === 'code' ? !/^[0-9A-Z]{5}$/.test(code) : !/^[0-9A-Z]{2}$/.test(code)) {
      throw importFailure(file, line, kind === 'code' ? 'expected a 5-character HCPCS code in HCPC' : 'expected a 2-character modifier in HCPC');
    }
    const longTitle = cell('LONG DESCRIPTION').trim();
    if (longTitle === '') throw importFailure(file, line, `the long description of ${code} is empty`);
    records.push({
      line,
      record: {
        code,
        kind,
        longTitle,
        shortTitle: cell('SHORT DESCRIPTION').trim(),
        addedOn: dateOf(file, line, 'ADD DT', cell('ADD DT')),
        effectiveFrom: dateOf(file, line, 'ACT EFF DT', cell('ACT EFF DT')),
        terminatedOn: dateOf(file, line, 'TERM DT', cell('TERM DT')),
        actionCode: cell('ACTION CD').trim() || null,
        xrefs: this.xrefAt.map((column) => (column < 0 ? '' : (row[column] ?? '').trim())),
      },
    });
  }
}

/** Fixed-width lines to records; 4/8 lines continue the long description of the code above. */
export function hcpcsFromTxt(file: string, text: string): Numbered[] {
  const { lines, terminated } = splitLines(text);
  if (lines.length === 0) throw importFailure(file, 0, 'the file is empty');
  const records: Numbered[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    const parsed = parseHcpcsTxtLine(text);
    if (typeof parsed === 'string') throw importFailure(file, line, parsed);
    if (parsed.recordId === '4' || parsed.recordId === '8') {
      const previous = records[records.length - 1];
      if (!previous || previous.record.code !== parsed.code) throw importFailure(file, line, 'a continuation line does not follow its code');
      previous.record.longTitle = `${previous.record.longTitle} ${parsed.longPart.trim()}`.trim();
      return;
    }
    records.push({
      line,
      record: {
        code: parsed.code,
        kind: parsed.recordId === '3' ? 'code' : 'modifier',
        longTitle: parsed.longPart.trim(),
        shortTitle: parsed.shortTitle,
        addedOn: dateOf(file, line, 'columns 269-276', parsed.added),
        effectiveFrom: dateOf(file, line, 'columns 277-284', parsed.effective),
        terminatedOn: dateOf(file, line, 'columns 285-292', parsed.terminated),
        actionCode: parsed.action || null,
        xrefs: [],
      },
    });
  });
  if (!terminated) throw importFailure(file, lines.length, 'the last line has no line ending: the file may be cut short');
  for (const { record, line } of records) {
    if (record.longTitle === '') throw importFailure(file, line, `the long description of ${record.code} is empty`);
  }
  return records;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const hcpcsXlsxImporter: FileImporter = {
  kind: 'hcpcs-anweb-xlsx',
  description: 'HCPCS Level II ANWEB file (xlsx)',
  detect: ({ name, head }) => /hcpc/i.test(name) && /\.xlsx$/i.test(name) && head.startsWith('PK\u0003\u0004'),
  async run({ db, progress }, source: ImportSource) {
    // The workbook is read whole (it is compressed: 1.8 MB); its sheet is parsed row by row.
    const bytes = source.read();
    const sheet = new HcpcsSheet(source.name);
    try {
      await forEachSheetRow(source.name, bytes, (row) => sheet.add(row.cells.map((c) => c ?? ''), row.row));
    } catch (error) {
      // A damaged workbook (the reader's own wording) gets this importer's message; a bad row keeps its line.
      if (error instanceof AppFailure && /not a readable \.xlsx workbook|not well-formed XML/.test(error.message)) {
        throw importFailure(source.name, 0, 'the spreadsheet could not be read: it is damaged or not an xlsx file');
      }
      throw error;
    }
    return storeHcpcs(db, { path: source.path, name: source.name, sha256: sha(bytes), kind: 'hcpcs-anweb-xlsx' }, sheet.records, progress);
  },
};

export const hcpcsTxtImporter: FileImporter = {
  kind: 'hcpcs-anweb-txt',
  description: 'HCPCS Level II ANWEB file (fixed-width txt)',
  detect: ({ head }) => {
    const first = head.split(/\r?\n/)[0] ?? '';
    const parsed = parseHcpcsTxtLine(first);
    return typeof parsed !== 'string' && (parsed.recordId === '3' || parsed.recordId === '7') && first.length >= 293;
  },
  run({ db, progress }, source) {
    const bytes = source.read();
    const records = hcpcsFromTxt(source.name, decodeText(bytes));
    return storeHcpcs(db, { path: source.path, name: source.name, sha256: sha(bytes), kind: 'hcpcs-anweb-txt' }, records, progress);
  },
};
