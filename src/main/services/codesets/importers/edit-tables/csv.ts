/**
 * A small RFC 4180 reader for the NCCI CSVs: quoted fields may hold commas, doubled quotes
 * and newlines (the MUE files open with a multi-line quoted notice and a header whose first
 * cell holds a newline). Each record carries the line it starts on, for error messages. The
 * text may come in pieces (csvRecords), so a large file is never held whole.
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

/** Every record of a CSV held whole (tests, small files). */
export function parseCsv(text: string): CsvRecord[] {
  return [...csvRecords([text])];
}

/** A quoted field longer than any real one (a notice is a few KB) means the file is not what it claims. */
export const MAX_FIELD_CHARS = 1_000_000;

/**
 * Records from text that arrives in pieces: a quote pair, a CRLF or a whole record may be
 * split across pieces. Only the current record is held.
 */
export function* csvRecords(pieces: Iterable<string>, maxFieldChars = MAX_FIELD_CHARS): Generator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let inQuotes = false;
  // A quote seen inside quotes: the next character tells a doubled quote from the closing one.
  let quoteInQuotes = false;
  // A CR ended the record: an LF right after it belongs to the same line break.
  let skipLf = false;
  let quotedStart = 0;
  for (const piece of pieces) {
    for (let i = 0; i < piece.length; i++) {
      const ch = piece[i]!;
      if (skipLf) {
        skipLf = false;
        if (ch === '\n') continue;
      }
      if (quoteInQuotes) {
        quoteInQuotes = false;
        if (ch === '"') {
          field += '"';
          continue;
        }
        inQuotes = false;
      }
      if (inQuotes) {
        if (ch === '"') quoteInQuotes = true;
        else {
          if (ch === '\n') line += 1;
          field += ch;
        }
        continue;
      }
      if (ch === '"' && field === '') {
        inQuotes = true;
        quotedStart = line;
      } else if (ch === ',') {
        fields.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        skipLf = ch === '\r';
        fields.push(field);
        yield { line: start, fields };
        fields = [];
        field = '';
        line += 1;
        start = line;
      } else if (ch === '"') {
        throw new CsvError(line, 'a quote in the middle of an unquoted field');
      } else {
        field += ch;
      }
    }
    if (field.length > maxFieldChars) throw new CsvError(inQuotes ? quotedStart : line, `a field is longer than ${maxFieldChars} characters`);
  }
  if (inQuotes && !quoteInQuotes) throw new CsvError(quotedStart, 'a quoted field is never closed (the file may be truncated)');
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield { line: start, fields };
  }
}
