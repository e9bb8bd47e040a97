/** Synthetic encoder replies in the contract's shapes (titles paraphrased, not a Tabular List copy). */
import type { CodeHit } from '../../src/shared/domain';
import type { CodeDetail, PcsStep, TableSearchResult, TabularNode } from '../../src/shared/encoder';

export const fractureHeader: CodeHit = { system: 'icd10cm', code: 'S72.001', title: 'Fracture of unspecified part of neck of right femur', billable: false };

const fractureDefs = [
  { char: 'A', title: 'initial encounter for closed fracture' },
  { char: 'B', title: 'initial encounter for open fracture type I or II' },
  { char: 'D', title: 'subsequent encounter for closed fracture with routine healing' },
];

export function detailFor(code: string, overrides: Partial<CodeDetail> = {}): CodeDetail {
  return {
    system: 'icd10cm',
    code,
    title: `Title of ${code}`,
    billable: true,
    version: { label: 'FY2026', isDemo: false },
    hierarchy: [],
    notes: [],
    sevenChr: null,
    notesSource: { label: 'FY2026', fallback: false },
    children: [],
    ...overrides,
  };
}

export const fractureDetail: CodeDetail = detailFor('S72.001', {
  title: fractureHeader.title,
  billable: false,
  hierarchy: [
    { code: '19', title: 'Injury, poisoning and certain other consequences of external causes', level: 'chapter' },
    { code: 'S70-S79', title: 'Injuries to the hip and thigh', level: 'section' },
    { code: 'S72', title: 'Fracture of femur', level: 'category' },
    { code: 'S72.0', title: 'Fracture of head and neck of femur', level: 'subcategory' },
    { code: 'S72.00', title: 'Fracture of unspecified part of neck of femur', level: 'subcategory' },
  ],
  notes: [
    { kind: 'excludes2', text: 'physeal fracture of upper end of femur (S79.0-)', from: 'S72.0', inherited: true, refs: ['S79.0-'] },
    { kind: 'excludes1', text: 'traumatic amputation of hip and thigh (S78.-)', from: 'S72', inherited: true, refs: ['S78.-'] },
    { kind: 'notes', text: 'A fracture not indicated as open or closed should be coded to closed', from: 'S72', inherited: true, refs: [] },
    { kind: 'useAdditionalCode', text: 'Use secondary code(s) from Chapter 20 to indicate cause of injury', from: '19', inherited: true, refs: [] },
  ],
  sevenChr: { definitions: fractureDefs, from: 'S72' },
  notesSource: { label: 'FY2021', fallback: true },
  children: [],
});

export const poisoningHeader: CodeHit = { system: 'icd10cm', code: 'T36.0X1', title: 'Poisoning by penicillins, accidental (unintentional)', billable: false };
export const poisoningDetail: CodeDetail = detailFor('T36.0X1', {
  title: poisoningHeader.title,
  billable: false,
  sevenChr: { definitions: [{ char: 'A', title: 'initial encounter' }, { char: 'D', title: 'subsequent encounter' }, { char: 'S', title: 'sequela' }], from: 'T36' },
});

export const dislocationHeader: CodeHit = { system: 'icd10cm', code: 'S03.0', title: 'Dislocation of jaw', billable: false };
export const dislocationDetail: CodeDetail = detailFor('S03.0', {
  title: dislocationHeader.title,
  billable: false,
  sevenChr: { definitions: [{ char: 'A', title: 'initial encounter' }], from: 'S03' },
});

/** codes.search for exact codes: the full codes the chooser builds exist (S72.001B does not). */
export const FULL_CODES: Record<string, string> = {
  'S72.001A': 'Fracture of unsp part of neck of right femur, init for clos fx',
  'S72.001D': 'Fracture of unsp part of neck of right femur, subs for clos fx w routn heal',
  'T36.0X1A': 'Poisoning by penicillins, accidental (unintentional), initial encounter',
  'S03.0XXA': 'Dislocation of jaw, initial encounter',
  'C50.911': 'Malignant neoplasm of unspecified site of right female breast',
  'D05.91': 'Unspecified type of carcinoma in situ of right breast',
};

export function exactSearch(query: string): CodeHit[] {
  const code = query.toUpperCase();
  const title = FULL_CODES[code];
  if (title) return [{ system: 'icd10cm', code, title, billable: true }];
  if (code === 'T36.0X1') return [poisoningHeader];
  return [];
}

export const chapters: TabularNode[] = [
  { code: '1', title: 'Certain infectious and parasitic diseases', level: 'chapter', billable: false, hasChildren: true },
  { code: '4', title: 'Endocrine, nutritional and metabolic diseases', level: 'chapter', billable: false, hasChildren: true },
];

export const treeChildren: Record<string, TabularNode[]> = {
  '4': [{ code: 'E08-E13', title: 'Diabetes mellitus', level: 'section', billable: false, hasChildren: true }],
  'E08-E13': [{ code: 'E11', title: 'Type 2 diabetes mellitus', level: 'category', billable: false, hasChildren: true }],
  E11: [
    { code: 'E11.9', title: 'Type 2 diabetes mellitus without complications', level: 'code', billable: true, hasChildren: false },
    { code: 'E11.6', title: 'Type 2 diabetes mellitus with other specified complications', level: 'subcategory', billable: false, hasChildren: true },
  ],
};

/** A tiny PCS table: 0 Medical and Surgical → D Gastrointestinal → T Resection → J Appendix → 4 → Z → Z. */
const PCS: { axis: string; values: Record<string, string> }[] = [
  { axis: 'Section', values: { '0': 'Medical and Surgical', '1': 'Obstetrics' } },
  { axis: 'Body System', values: { D: 'Gastrointestinal System', B: 'Respiratory System' } },
  { axis: 'Operation', values: { T: 'Resection', B: 'Excision' } },
  { axis: 'Body Part', values: { J: 'Appendix' } },
  { axis: 'Approach', values: { '0': 'Open', '4': 'Percutaneous Endoscopic' } },
  { axis: 'Device', values: { Z: 'No Device' } },
  { axis: 'Qualifier', values: { Z: 'No Qualifier' } },
];

export function pcsStep(prefix: string): PcsStep {
  const p = prefix.toUpperCase();
  const chosen = [...p].map((value, i) => ({ position: i + 1, axis: PCS[i]?.axis ?? '', value, label: PCS[i]?.values[value] ?? '?' }));
  if (p.length === 7) {
    return { prefix: p, position: null, axis: null, options: [], chosen, code: { system: 'icd10pcs', code: p, title: 'Resection of Appendix, Percutaneous Endoscopic Approach', billable: true } };
  }
  const next = PCS[p.length];
  return {
    prefix: p,
    position: p.length + 1,
    axis: next?.axis ?? null,
    options: Object.entries(next?.values ?? {}).map(([value, label]) => ({ value, label })),
    chosen,
    code: null,
  };
}

export const NEOPLASM_COLUMNS = ['Malignant Primary', 'Malignant Secondary', 'Ca in situ', 'Benign', 'Uncertain Behavior', 'Unspecified Behavior'];
export const DRUG_COLUMNS = ['Poisoning, Accidental (unintentional)', 'Poisoning, Intentional self-harm', 'Poisoning, Assault', 'Poisoning, Undetermined', 'Adverse effect', 'Underdosing'];

export function tableResult(table: 'drug' | 'neoplasm'): TableSearchResult {
  return table === 'neoplasm'
    ? {
        table,
        columns: NEOPLASM_COLUMNS,
        rows: [
          { path: ['breast'], cells: ['C50.9-', 'C79.81', 'D05.9-', 'D24.-', 'D48.6-', 'D49.3'] },
          { path: ['breast', 'right'], cells: ['C50.911', null, 'D05.91', null, null, null] },
        ],
        source: 'FY2026 ICD-10-CM Neoplasm table (synthetic test rows)',
      }
    : {
        table,
        columns: DRUG_COLUMNS,
        rows: [{ path: ['Penicillin (any)'], cells: ['T36.0X1', 'T36.0X2', 'T36.0X3', 'T36.0X4', 'T36.0X5', 'T36.0X6'] }],
        source: 'FY2026 ICD-10-CM Table of Drugs (synthetic test rows)',
      };
}
