/** Importers for: ICD-10-PCS tables, index and definitions XML (each sniffed by its root element). */
import type { FileImporter } from '../types';
import { pcsDefinitionsImporter } from './definitions';
import { pcsIndexImporter } from './index-file';
import { pcsTablesImporter } from './tables';

export const PCS_IMPORTERS: readonly FileImporter[] = [pcsTablesImporter, pcsIndexImporter, pcsDefinitionsImporter];
