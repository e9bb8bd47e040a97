/** The official files the unseen-set figures are measured with: what a user imports (order files, HCPCS, Tabular, indexes). */
import path from 'node:path';

export function UNSEEN_FILES(codesets: string): string[] {
  return [
    path.join(codesets, 'icd10cm', 'icd10cm_order_2026.txt'),
    path.join(codesets, 'icd10pcs', 'icd10pcs_order_2026.txt'),
    path.join(codesets, 'hcpcs', 'HCPC2025_OCT_ANWEB.xlsx'),
    path.join(codesets, 'icd10cm', 'fy2021', 'icd10cm_tabular_2021.xml'),
    path.join(codesets, 'icd10pcs', 'fy2025', 'icd10pcs_index_2025.xml'),
    path.join(codesets, 'icd10cm', 'icd10cm-eindex-April-1-2026-XML.xml'),
    path.join(codesets, 'icd10cm', 'icd10cm-drug-April-1-2026-XML.xml'),
    path.join(codesets, 'icd10cm', 'icd10cm-neoplasm-April-1-2026-XML.xml'),
  ];
}
