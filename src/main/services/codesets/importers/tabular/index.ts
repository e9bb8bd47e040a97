/** Importers for: ICD-10-CM Tabular List XML. */
import type { FileImporter } from '../types';

export const TABULAR_IMPORTERS: readonly FileImporter[] = [];
