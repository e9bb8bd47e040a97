/** Importers for: ICD-10-CM Tabular List XML. */
import type { FileImporter } from '../types';
import { tabularImporter } from './tabular-importer';

export const TABULAR_IMPORTERS: readonly FileImporter[] = [tabularImporter];
