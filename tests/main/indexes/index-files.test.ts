/** Telling the four index files apart, and their release (fiscal year, label, dates). */
import { describe, expect, it } from 'vitest';
import { detectIndexKind } from '../../../src/main/services/codesets/importers/alphabetic-index/index-kinds';
import { indexRelease, monthFromName } from '../../../src/main/services/codesets/importers/alphabetic-index/index-release';
import { importerFor } from '../../../src/main/services/codesets/importers/registry';
import { FIXTURE, fixtureText } from './helpers';

const head = (kind: keyof typeof FIXTURE) => fixtureText(kind).slice(0, 4096);

describe('detectIndexKind', () => {
  it('tells each fixture apart by content, whatever its name', () => {
    for (const kind of ['index', 'eindex', 'drug', 'neoplasm'] as const) {
      expect(detectIndexKind(FIXTURE[kind], head(kind))).toBe(kind);
      expect(detectIndexKind('download.xml', head(kind))).toBe(kind);
    }
  });

  it('believes the content over a misleading name', () => {
    expect(detectIndexKind('icd10cm-neoplasm-April-1-2026-XML.xml', head('drug'))).toBe('drug');
    expect(detectIndexKind('icd10cm-eindex-2026.xml', head('index'))).toBe('index');
  });

  it('falls back to the name for an index without a title', () => {
    const noTitle = head('eindex').replace(/<title>ICD-10-CM EXTERNAL[^<]*<\/title>/, '');
    expect(detectIndexKind('icd10cm-eindex-2026.xml', noTitle)).toBe('eindex');
    expect(detectIndexKind('icd10cm_index_2026.xml', noTitle)).toBe('index');
  });

  it('says no to other XML: the PCS index, the Tabular List, a table with an unknown first column', () => {
    expect(detectIndexKind('icd10pcs_index_2025.xml', '<?xml version="1.0"?>\n<ICD10PCS.index>\n<letter>')).toBeNull();
    expect(detectIndexKind('icd10cm_tabular_2026.xml', '<?xml version="1.0"?>\n<ICD10CM.tabular>')).toBeNull();
    const odd = head('drug').replace('<head col="1">Substance</head>', '<head col="1">Other</head>');
    expect(detectIndexKind('table.xml', odd)).toBeNull();
  });

  it('is what the registry uses: each fixture goes to its own importer', () => {
    for (const kind of ['index', 'eindex', 'drug', 'neoplasm'] as const) {
      expect(importerFor({ name: FIXTURE[kind], head: head(kind) })?.kind).toBe(`icd10cm-${kind}`);
    }
  });
});

describe('indexRelease', () => {
  it('labels an October release by fiscal year and an April update with its month', () => {
    expect(indexRelease('icd10cm_index_2026.xml', '2026')).toEqual({
      fiscalYear: 2026,
      label: 'FY2026',
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
    });
    expect(indexRelease('icd10cm-drug-April-1-2026-XML.xml', '2026')).toEqual({
      fiscalYear: 2026,
      label: 'FY2026 (April)',
      effectiveFrom: '2026-04-01',
      effectiveTo: '2026-09-30',
    });
  });

  it('reads an October-named file as the next fiscal year, and the name when there is no <version>', () => {
    expect(indexRelease('icd10cm-drug-October-1-2025.xml', '2026')).toMatchObject({ fiscalYear: 2026, label: 'FY2026' });
    expect(indexRelease('icd10cm-neoplasm-2025.xml', null)).toMatchObject({ fiscalYear: 2025, label: 'FY2025' });
    expect(indexRelease('icd10cm-drug-January-1-2021.xml', null)).toMatchObject({ label: 'FY2021 (January)', effectiveFrom: '2021-01-01' });
  });

  it('gives a reason instead of a release when the year is missing, malformed or contradicts the name', () => {
    expect(indexRelease('drug.xml', null)).toMatch(/no fiscal year/);
    expect(indexRelease('drug.xml', '26')).toMatch(/does not hold a fiscal year/);
    expect(indexRelease('icd10cm_index_2025.xml', '2026')).toBe('the file says fiscal year 2026 but its name says 2025');
  });

  it('finds month names only as whole words', () => {
    expect(monthFromName('icd10cm-drug-April-1-2026-XML.xml')).toBe(4);
    expect(monthFromName('mayonnaise-2026.xml')).toBeNull();
  });
});
