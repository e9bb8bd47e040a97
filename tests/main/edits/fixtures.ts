/**
 * Small edit tables written by hand in the official layouts (codes only; descriptions are
 * short made-up or public ICD titles), and a minimal .xlsx writer for the add-on code table.
 */
import { makeZip } from '../helpers/zip';

export const POA_LIST = ['Order26\tPOAexemptCode\tDescription', '01238\tB90.0\tSequelae of central nervous system tuberculosis', '01239\tZ37.0\tSingle live birth', ''].join('\r\n');

export const POA_DELETE = ['POAexemptCode\tDescription', 'Q89.8\tOther specified congenital malformations', ''].join('\r\n');

export const POA_REVISE = [
  'Order26\tAction\tPOAexemptCode\tDescription',
  '30219\tRevise from:\tQ75.001\t"Craniosynostosis unspecified, unilateral"',
  '30219\tRevise to:\tQ75.001\t"Craniosynostosis, unspecified type, unilateral"',
  '',
].join('\r\n');

/** The MCE document's shape: title, TOC (tabs + pages), Chapter 1 with a short list, then the sections. */
export function mceText(opts: { version?: string; chapter2?: boolean } = {}): string {
  const lines = [
    '',
    'Definitions of Medicare Code Edits',
    'ICD-10 Version',
    opts.version ?? 'v43.1 April 2026',
    '',
    'Table of Contents',
    'Chapter 1: Edit code lists\t7',
    '4. Age conflict\t8',
    'A. Perinatal/Newborn diagnoses\t9',
    '',
    'Chapter 1: Edit code lists',
    'Below is a list of edits described in this chapter. ',
    '1. Invalid diagnosis or procedure code',
    '2. External causes of morbidity codes as principal diagnosis',
    '3. Duplicate of PDX',
    '4. Age conflict',
    '5. Sex conflict (deactivated as of 10/01/2024)',
    '6. Manifestation code as principal diagnosis',
    '',
    '1. Invalid diagnosis or procedure code',
    'The Medicare Code Editor checks each diagnosis.',
    '2. External causes of morbidity codes as principal diagnosis',
    'External cause codes describe the circumstance.',
    '3. Duplicate of PDX',
    'Whenever a secondary diagnosis is coded the same as the principal diagnosis.',
    '4. Age conflict',
    'There are four age categories.',
    'A. Perinatal/Newborn diagnoses',
    'A33\tTetanus neonatorum',
    '',
    'B. Pediatric diagnoses (age 0 through 17)',
    'Z00121\tEncounter for routine child health exam w abnormal findings',
    '',
    'C. Maternity diagnoses (age 9 through 64)',
    'O99891\tOther specified diseases complicating pregnancy',
    '',
    'D. Adult diagnoses (age 15 through 124)',
    'F0390\tUnspecified dementia, unspecified severity, without behavioral disturbance',
    '',
    '5. Sex conflict (deactivated as of 10/01/2024)',
    'The edit detects inconsistencies between sex and diagnosis.',
    '6. Manifestation code as principal diagnosis',
    'Manifestation codes not allowed as principal diagnosis',
    'G63\tPolyneuropathy in diseases classified elsewhere',
    '8. Questionable admission',
    'A. Some diagnoses are not usually sufficient justification for admission to an acute care hospital. For example, R030.',
    'Questionable admission codes',
    'R030\tElevated blood-pressure reading, w/o diagnosis of htn',
    '',
    'B. The following ICD-10-PCS procedure codes describing a cesarean section or vaginal delivery are considered to be a questionable admission except when reported with an outcome of delivery.',
    '',
    '1. Cesarean section procedure codes',
    '10D00Z0\tExtraction of Products of Conception, High, Open Approach',
    '',
    '3. Outcome of delivery diagnoses codes',
    'Z370\tSingle live birth',
    '',
    '9. Unacceptable principal diagnosis',
    'The following unacceptable principal diagnosis code is considered "acceptable" when a secondary diagnosis is also coded on the record.',
    'Z5189\tEncounter for other specified aftercare',
    'Unacceptable principal diagnosis codes',
    '*Z5189\tEncounter for other specified aftercare',
    'Z5111\tEncounter for antineoplastic chemotherapy',
    '11. Non-covered procedure',
    'A. Non-covered procedure codes',
    'Procedure',
    '0WFGXZZ\tFragmentation in Peritoneal Cavity, External Approach',
    '',
    'C. Non-covered procedure codes (discontinued as of 04/01/2022)',
    'The procedures shown below were non-covered.',
    'F. Non-covered procedure codes',
    'Procedure',
    '0SR20JZ\tReplacement of Lum Disc with Synth Sub, Open Approach',
    '17. Limited coverage',
    'A. Limited coverage codes',
    '02YA0Z0\tTransplantation of Heart, Allogeneic, Open Approach',
    '18. Wrong procedure performed',
    'Y6551\tPerformance of wrong procedure (op) on correct patient',
    '20. Unspecified code',
    'G8100\tFlaccid hemiplegia affecting unspecified side',
    '',
  ];
  if (opts.chapter2 !== false) lines.push('Chapter 2: Code list changes', 'Changes to edits', 'F0781\tPostconcussional syndrome', '');
  return lines.join('\n');
}

/** An MUE CSV as CMS ships it: Windows-1252 bytes, a multi-line quoted notice, a two-line header cell. */
export function mueCsv(rows: readonly string[], variant = 'Practitioner'): Buffer {
  const text = [
    '"CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All rights reserved. ',
    '',
    'CPT\u00ae is a registered trademark of the American Medical Association."',
    `"HCPCS/`,
    `CPT Code",${variant} Services MUE Values,MUE Adjudication Indicator,MUE Rationale`,
    ...rows,
    '',
  ].join('\n');
  return Buffer.from(text, 'latin1');
}

export const PTP_HEADER = [
  'CPT codes, descriptions and other data only are copyright 2025 American Medical Association.',
  '',
  'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale',
];

export function ptpText(rows: readonly string[]): string {
  return [...PTP_HEADER, ...rows, ''].join('\r\n');
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A one-sheet workbook with inline strings; null cells are left out, as Excel does. */
export function xlsxBytes(rows: readonly (readonly (string | null)[])[]): Buffer {
  const col = (i: number): string => String.fromCharCode(65 + i);
  const sheet =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    rows
      .map(
        (cells, r) =>
          `<row r="${r + 1}">` +
          cells.map((c, i) => (c === null ? '' : `<c r="${col(i)}${r + 1}" t="inlineStr"><is><t>${xmlEscape(c)}</t></is></c>`)).join('') +
          '</row>',
      )
      .join('') +
    '</sheetData></worksheet>';
  return makeZip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);
}

export const AOC_HEADER = ['AOC_Edit_Type', 'Add-On_Code', 'AOC_DelDT', 'Primary_Code', 'Primary_Code_DelDT', 'AOC_Edit_EffDT', 'AOC_Edit_DelDT', 'Special_Instruction_Notes'];
export const AOC_NOTICE = ['CPT codes, descriptions and other data only are copyright 2025 American Medical Association.'];
