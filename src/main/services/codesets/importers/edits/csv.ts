/**
 * A small RFC 4180 reader for the NCCI CSVs: quoted fields may hold commas, doubled quotes
 * and newlines (the MUE files open with a multi-line quoted notice and a header whose first
 * cell holds a newline). Each record carries the line it starts on, for error messages.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let inQuotes = false;
  let quotedStart = 0;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quotedStart = line;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else if (ch === '"') {
      throw new CsvError(line, 'a quote in the middle of an unquoted field');
    } else {
      field += ch;
    }
    i += 1;
  }
  if (inQuotes) throw new CsvError(quotedStart, 'a quoted field is never closed (the file may be truncated)');
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
