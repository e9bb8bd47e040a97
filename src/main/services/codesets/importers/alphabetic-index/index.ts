/** Importers for: ICD-10-CM Alphabetic Index, Drug, Neoplasm and External Cause XML. */
import type { FileImporter } from '../types';
import { indexImporter } from './index-importer';

export const INDEX_IMPORTERS: readonly FileImporter[] = [
  indexImporter('drug'),
  indexImporter('neoplasm'),
  indexImporter('eindex'),
  indexImporter('index'),
];
