/**
 * Every kind of official file CodeDesk imports. A file goes to the first importer whose
 * detect() says yes, so the more specific sniffers come first.
 */
import { EDIT_TABLE_IMPORTERS } from './edit-tables';
import { INDEX_IMPORTERS } from './alphabetic-index';
import { LIST_IMPORTERS } from './code-lists';
import { orderFileImporter } from './order-file';
import { PCS_IMPORTERS } from './pcs';
import { TABULAR_IMPORTERS } from './tabular';
import type { FileImporter } from './types';

export const IMPORTERS: readonly FileImporter[] = [
  orderFileImporter,
  ...TABULAR_IMPORTERS,
  ...INDEX_IMPORTERS,
  ...PCS_IMPORTERS,
  ...LIST_IMPORTERS,
  ...EDIT_TABLE_IMPORTERS,
];

export function importerFor(source: { name: string; head: string }, importers = IMPORTERS): FileImporter | null {
  return importers.find((i) => i.detect(source)) ?? null;
}
