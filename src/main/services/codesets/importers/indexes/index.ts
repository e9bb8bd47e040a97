/** Importers for: ICD-10-CM Alphabetic Index, Drug, Neoplasm and External Cause XML. */
import type { FileImporter } from '../types';

export const INDEX_IMPORTERS: readonly FileImporter[] = [];
