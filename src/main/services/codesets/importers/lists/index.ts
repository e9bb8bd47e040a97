/** Importers for: ICD-10-CM codes file and addenda, PCS addenda, HCPCS, CPT. */
import type { FileImporter } from '../types';

export const LIST_IMPORTERS: readonly FileImporter[] = [];
