/** FHIR R4 in: a Bundle (or single resource) JSON file, or a Bulk Data export (folder, zip, or one NDJSON file). */
import path from 'node:path';
import { AppFailure } from '../../../../shared/result';
import { detectSource } from '../detect';
import type { IncomingReader, ReadOptions } from '../incoming';
import { folderFiles, type ExportFiles } from './export-files';
import { readBulk } from './read-bulk';
import { readBundle } from './read-bundle';
import { zipFiles } from './zip-files';

async function* readExport(files: ExportFiles, source: string, options: ReadOptions): IncomingReader {
  try {
    if (files.ndjson.length === 0) {
      throw new AppFailure('IMPORT_FAILED', `${path.basename(source)} holds no .ndjson files of a FHIR Bulk Data export.`, { file: source });
    }
    yield* readBulk(files, options);
  } finally {
    files.close();
  }
}

export async function* readFhir(source: string, options: ReadOptions): IncomingReader {
  switch (detectSource(source)) {
    case 'fhir-json':
      return yield* readBundle(source, options);
    case 'fhir-ndjson':
      return yield* readExport(folderFiles(path.dirname(source), path.basename(source)), source, options);
    case 'fhir-bulk-folder':
      return yield* readExport(folderFiles(source), source, options);
    case 'fhir-bulk-zip':
      return yield* readExport(await zipFiles(source), source, options);
    case 'hl7v2':
      throw new AppFailure('IMPORT_FAILED', `${path.basename(source)} is HL7 v2, not FHIR.`, { file: source });
  }
}
