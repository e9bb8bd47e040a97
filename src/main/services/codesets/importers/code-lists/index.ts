/** Importers for: ICD-10-CM codes file and addenda, PCS addenda, HCPCS, CPT. */
import type { FileImporter } from '../types';
import { cmCodesAddendaImporter, cmOrderAddendaImporter, pcsOrderAddendaImporter } from './addenda';
import { cmCodesFileImporter } from './cm-codes-file';
import { cptImporter } from './cpt';
import { hcpcsTxtImporter, hcpcsXlsxImporter } from './hcpcs-files';

export const LIST_IMPORTERS: readonly FileImporter[] = [
  cmOrderAddendaImporter,
  cmCodesAddendaImporter,
  pcsOrderAddendaImporter,
  hcpcsXlsxImporter,
  hcpcsTxtImporter,
  cmCodesFileImporter,
  cptImporter,
];
