/** Importers for: POA exempt, MCE, MUE, add-on code and NCCI PTP tables. */
import type { FileImporter } from '../types';
import { aocImporter } from './aoc';
import { mceImporter } from './mce';
import { mueImporter } from './mue';
import { poaImporter } from './poa';
import { ptpImporter } from './ptp';

export const EDIT_TABLE_IMPORTERS: readonly FileImporter[] = [poaImporter, mceImporter, mueImporter, aocImporter, ptpImporter];
