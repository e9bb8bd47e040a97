/** Importers for: ICD-10-PCS tables, index and definitions XML. */
import type { FileImporter } from '../types';

export const PCS_IMPORTERS: readonly FileImporter[] = [];
