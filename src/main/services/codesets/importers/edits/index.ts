/** Importers for: POA exempt, MCE, MUE, add-on code and NCCI PTP tables. */
import type { FileImporter } from '../types';

export const EDIT_TABLE_IMPORTERS: readonly FileImporter[] = [];
