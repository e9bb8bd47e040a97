/** Property tests for the edit-table line and record parsers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { julianToIso, parseAocRow } from '../../../src/main/services/codesets/importers/edit-tables/aoc';
import { CsvError, parseCsv } from '../../../src/main/services/codesets/importers/edit-tables/csv';
import { parseMueRecord } from '../../../src/main/services/codesets/importers/edit-tables/mue';
import { parsePoaLine } from '../../../src/main/services/codesets/importers/edit-tables/poa';
import { parsePtpCells } from '../../../src/main/services/codesets/importers/edit-tables/ptp';
import { parseMce } from '../../../src/main/services/codesets/importers/edit-tables/mce-parser';

const quote = (field: string): string => (/[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
const hcpcs = fc.stringMatching(/^[0-9A-Z]{4}[0-9A-Z]$/);
const cmCode = fc.stringMatching(/^[A-Z][0-9][0-9A-Z]{1,5}$/);

describe('edit-table parsers (properties)', () => {
  it('CSV: any table of fields, quoted where needed, reads back the same, with each record\'s first line', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ',', '"', '\n', ' ', '\u00ae'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.map(quote).join(',')).join('\n');
        const records = parseCsv(text);
        expect(records.map((r) => r.fields)).toEqual(rows);
        let line = 1;
        records.forEach((r, i) => {
          expect(r.line).toBe(line);
          line += rows[i]!.join('').split('\n').length;
        });
      }),
    );
  });

  it('CSV: an unclosed quote is an error naming the line the field starts on', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5 }), (before) => {
        const text = `${'a,b\n'.repeat(before)}"open,\nnever closed`;
        expect(() => parseCsv(text)).toThrow(CsvError);
        try {
          parseCsv(text);
        } catch (e) {
          expect((e as CsvError).line).toBe(before + 1);
        }
      }),
    );
  });

  it('MUE records: any code, value and MAI round-trip; anything else in the MAI column is refused', () => {
    fc.assert(
      fc.property(hcpcs, fc.nat({ max: 99999 }), fc.constantFrom(1, 2, 3), fc.string({ maxLength: 20 }), (code, value, mai, rationale) => {
        const row = parseMueRecord([code, String(value), `${mai} Some Label`, rationale]);
        expect(row).toEqual({ code, value, mai, maiLabel: 'Some Label', rationale: rationale.trim() });
        expect(() => parseMueRecord([code, String(value), `${mai + 3} Label`, rationale])).toThrow(/adjudication indicator/);
        expect(() => parseMueRecord([code, `${value}.5`, `${mai} Label`, rationale])).toThrow(/not a whole number/);
      }),
    );
  });

  it('POA lines: a dotted code comes back undotted; a non-code is refused', () => {
    fc.assert(
      fc.property(cmCode, fc.string({ maxLength: 30 }).filter((t) => !t.includes('\t')), (code, title) => {
        const dotted = `${code.slice(0, 3)}.${code.slice(3)}`;
        expect(parsePoaLine('list', `00001\t${dotted}\t${title}`).code).toBe(code);
        expect(parsePoaLine('delete', `${dotted}\t${title}`).code).toBe(code);
        expect(() => parsePoaLine('list', `00001\t${title}!\t${code}`)).toThrow();
      }),
    );
  });

  it('PTP cells: valid rows round-trip, deletion * means open, indicators other than 0/1/9 are refused', () => {
    const ymd = fc.date({ min: new Date('1996-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(hcpcs, hcpcs, ymd, fc.option(ymd), fc.constantFrom(0, 1, 9), fc.boolean(), (c1, c2, from, to, mod, pre) => {
        const compact = (iso: string): string => iso.replace(/-/g, '');
        const row = parsePtpCells([c1, c2, pre ? '*' : '', compact(from), to === null ? '*' : compact(to), String(mod), 'why']);
        expect(row).toEqual({ col1: c1, col2: c2, pre1996: pre, effectiveFrom: from, effectiveTo: to, modifier: mod, rationale: 'why' });
        expect(() => parsePtpCells([c1, c2, '', compact(from), '*', '2', 'why'])).toThrow(/not 0, 1 or 9/);
      }),
    );
  });

  it('AOC: YYYYDDD dates map to the calendar day; rows keep CCCCC as contractor-defined', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), (d) => {
        const start = Date.UTC(d.getUTCFullYear(), 0, 1);
        const day = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - start) / 86_400_000) + 1;
        expect(julianToIso(`${d.getUTCFullYear()}${String(day).padStart(3, '0')}`)).toBe(d.toISOString().slice(0, 10));
      }),
    );
    expect(parseAocRow(['2', '0054T', null, 'CCCCC', null, '2013091']).primary).toBe('*');
    expect(() => julianToIso('2025366')).toThrow();
  });

  it('MCE: any generated list of codes under a sublist is read back under that sublist', () => {
    fc.assert(
      fc.property(fc.uniqueArray(cmCode, { minLength: 1, maxLength: 20 }), (codes) => {
        const lines = [
          'Definitions of Medicare Code Edits',
          'v43.0 October 2025',
          'Chapter 1: Edit code lists',
          '1. First',
          '2. Second',
          '1. First',
          'Text.',
          '2. Second',
          'A. Listed diagnoses',
          ...codes.map((c) => `${c}\tTitle`),
          'Chapter 2: Code list changes',
        ];
        const doc = parseMce(lines);
        expect(doc.effectiveFrom).toBe('2025-10-01');
        expect(doc.codes.map((c) => [c.edit, c.part, c.code])).toEqual(codes.map((c) => [2, 'A', c]));
      }),
    );
  });
});
